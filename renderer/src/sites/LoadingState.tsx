import { Spinner } from '../ui/Spinner';

export function LoadingState() {
  return (
    <section className="loading" aria-busy="true">
      <p className="loading__text" role="status">
        <Spinner />
        Loading sites…
      </p>
      <ul className="site-list__rows skeleton" aria-hidden="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="skeleton__row">
            <span className="skeleton__block skeleton__block--title" />
            <span className="skeleton__block skeleton__block--line" />
            <span className="skeleton__block skeleton__block--pill" />
          </li>
        ))}
      </ul>
    </section>
  );
}
