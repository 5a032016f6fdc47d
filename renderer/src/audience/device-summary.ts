import type { DeviceSummary } from '../../../shared/audience/device-summary';

interface UserAgentData {
  readonly brands?: readonly { brand: string; version: string }[];
  readonly mobile?: boolean;
  readonly platform?: string;
}
interface NavigatorHints {
  readonly userAgent: string;
  readonly hardwareConcurrency?: number;
  /** Chromium only, in GiB rounded to a power of two. */
  readonly deviceMemory?: number;
  readonly userAgentData?: UserAgentData;
}

/** Brands Chromium adds to confuse sniffers ("Not A(Brand"); never the browser's name. */
const GREASE = /not.?a.?brand/i;

/**
 * What this device says about itself, reduced to families: the browser's name and major version,
 * the operating system, phone or not, cores and memory where the browser tells. No full user-agent
 * string, no screen size, nothing that tells one person's phone from another's of the same kind.
 */
export function describeThisDevice(nav: NavigatorHints = navigator): DeviceSummary {
  const ua = nav.userAgent;
  const data = nav.userAgentData;
  const brand =
    data?.brands?.find((b) => !GREASE.test(b.brand) && b.brand !== 'Chromium') ??
    data?.brands?.find((b) => !GREASE.test(b.brand));
  const cores = nav.hardwareConcurrency;
  const memory = nav.deviceMemory;
  return {
    browser: (brand ? `${brand.brand} ${brand.version}` : browserFromUserAgent(ua)).slice(0, 40),
    os: (data?.platform || osFromUserAgent(ua)).slice(0, 40),
    mobile: data?.mobile ?? /Mobi|Android|iPhone|iPad/.test(ua),
    cores: Number.isInteger(cores) && cores !== undefined && cores >= 1 && cores <= 1024 ? cores : null,
    memoryGiB: typeof memory === 'number' && memory >= 0 && memory <= 1024 ? memory : null,
  };
}

/** The family and major version from a user-agent string, most specific first (Edge says Chrome too). */
export function browserFromUserAgent(ua: string): string {
  const families: [string, RegExp][] = [
    ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
    ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
    ['Samsung Internet', /SamsungBrowser\/(\d+)/],
    ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
    ['Safari', /Version\/(\d+)[^ ]* (?:Mobile\/\S+ )?Safari/],
  ];
  for (const [name, pattern] of families) {
    const match = pattern.exec(ua);
    if (match) return `${name} ${match[1]}`;
  }
  return 'Other browser';
}

export function osFromUserAgent(ua: string): string {
  if (/iPhone|iPad|iPod/.test(ua)) return 'iOS';
  if (/Android/.test(ua)) return 'Android';
  if (/Mac OS X|Macintosh/.test(ua)) return 'macOS';
  if (/Windows/.test(ua)) return 'Windows';
  if (/CrOS/.test(ua)) return 'ChromeOS';
  if (/Linux/.test(ua)) return 'Linux';
  return 'Other OS';
}
