// A folder name that breaks naive quoting: spaces, both quotes, $VAR and ${VAR} (systemd expands the
// braced form inside a word), a systemd specifier and non-ASCII.
export const HOSTILE_DIR_NAME = 'My "Q" app $HOME ${HOME} %h ünïcødé';
