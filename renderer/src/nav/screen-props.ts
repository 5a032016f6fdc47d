/** What every screen gets from the app shell. */
export interface ScreenProps {
  readonly desktop: boolean;
  readonly dark: boolean;
}
