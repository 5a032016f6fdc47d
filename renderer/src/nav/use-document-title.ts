import { useEffect } from 'react';

/** Keeps `document.title` at `title` while the component is shown (see screenTitle). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title;
  }, [title]);
}
