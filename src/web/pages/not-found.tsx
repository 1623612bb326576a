import { Link } from 'wouter';
import { useBreadcrumb } from '../components/breadcrumb.tsx';

export function NotFoundPage() {
  useBreadcrumb([], 'Page not found');
  return (
    <section className="narrow not-found">
      <h1>Page not found</h1>
      <p>There is no page at this address. The link may be mistyped, or the page may have moved.</p>
      <p>
        <Link href="/" className="button button-primary">
          Go to your processes
        </Link>
      </p>
    </section>
  );
}
