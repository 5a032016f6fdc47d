import type { ScreenProps } from '../nav/screen-props';
import { DesktopCompare } from './compare-desktop';
import { WebCompare } from './compare-web';

/**
 * Compare: the same work in two places, side by side, each with its own meters. The desktop app
 * has two renderer processes to compare; a web page has two frames, each from a site of its own.
 * Each edition is a file of its own; the summary they share is summary-section.tsx.
 */
export function CompareScreen({ desktop, dark }: ScreenProps) {
  return desktop ? <DesktopCompare /> : <WebCompare dark={dark} />;
}
