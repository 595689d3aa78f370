/**
 * Splits a list property printed by `systemctl show` (UnitPath=, Environment=…): words are
 * space-separated, and a word with spaces or quotes is double-quoted with backslash escapes.
 */
export function parseStrvValue(value: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < value.length) {
    if (value[i] === ' ') {
      i++;
      continue;
    }
    let word = '';
    if (value[i] === '"') {
      i++;
      while (i < value.length && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < value.length) i++;
        word += value[i];
        i++;
      }
      i++;
    } else {
      while (i < value.length && value[i] !== ' ') word += value[i++];
    }
    words.push(word);
  }
  return words;
}
