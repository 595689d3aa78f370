/** A path that truncates in the middle: the folder's own name (its last part) stays visible. */
export function SitePath({ path }: { path: string }) {
  const cut = Math.max(path.lastIndexOf('/', path.length - 2), 0);
  const head = path.slice(0, cut);
  const tail = path.slice(cut);
  return (
    <span className="site-path" title={path}>
      <span className="site-path__head">{head}</span>
      <span className="site-path__tail">{tail}</span>
    </span>
  );
}
