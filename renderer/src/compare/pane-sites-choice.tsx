const OPTION = 'flex items-center gap-2 text-base has-[:disabled]:opacity-60';

/**
 * Where the web Compare's panes come from: sites of their own (a process each, under Chromium's
 * site isolation) or this page's site (one shared main thread — the freeze that spreads, on
 * purpose). Native radio buttons: one Tab stop, arrow keys move between them.
 */
export function PaneSitesChoice({
  separate,
  canSeparate,
  disabled,
  onChange,
}: {
  readonly separate: boolean;
  readonly canSeparate: boolean;
  readonly disabled: boolean;
  readonly onChange: (separate: boolean) => void;
}) {
  return (
    <div role="radiogroup" aria-labelledby="pane-sites-label" className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <span id="pane-sites-label" className="text-base font-medium">
        Panes from
      </span>
      <label className={OPTION}>
        <input
          type="radio"
          name="pane-sites"
          className="size-4 accent-sky-700"
          checked={separate}
          disabled={disabled || !canSeparate}
          onChange={() => onChange(true)}
          data-testid="pane-sites-own"
        />
        sites of their own
      </label>
      <label className={OPTION}>
        <input
          type="radio"
          name="pane-sites"
          className="size-4 accent-sky-700"
          checked={!separate}
          disabled={disabled}
          onChange={() => onChange(false)}
          data-testid="pane-sites-same"
        />
        this page’s site
      </label>
    </div>
  );
}
