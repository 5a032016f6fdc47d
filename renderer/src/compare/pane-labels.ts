import type { Pane } from '../../../shared/compare/compare-protocol';
import { PLACE_INFO, type Place } from '../../../shared/places';

/** Each pane's place, as the summary's column headings name it. */
export function paneLabels(setup: { readonly left: Place; readonly right: Place }): Record<Pane, string> {
  return { left: PLACE_INFO[setup.left].label, right: PLACE_INFO[setup.right].label };
}
