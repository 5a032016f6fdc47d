import { describe, expect, it } from 'vitest';
import { deviceSummarySchema } from '../../../shared/audience/device-summary';
import { browserFromUserAgent, describeThisDevice, osFromUserAgent } from './device-summary';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Mobile/15E148 Safari/604.1';
const EDGE =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 ' +
  'Safari/537.36 Edg/131.0.0.0';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';

describe('describeThisDevice', () => {
  it('reduces user agents to a family and major version', () => {
    expect([browserFromUserAgent(IPHONE), osFromUserAgent(IPHONE)]).toEqual(['Safari 17', 'iOS']);
    expect([browserFromUserAgent(EDGE), osFromUserAgent(EDGE)]).toEqual(['Edge 131', 'Windows']);
    expect([browserFromUserAgent(FIREFOX_ANDROID), osFromUserAgent(FIREFOX_ANDROID)]).toEqual([
      'Firefox 133',
      'Android',
    ]);
    expect(browserFromUserAgent('curl/8')).toBe('Other browser');
  });

  it('prefers client hints, skipping the grease brand and the generic Chromium one', () => {
    const device = describeThisDevice({
      userAgent: EDGE,
      hardwareConcurrency: 8,
      deviceMemory: 8,
      userAgentData: {
        brands: [
          { brand: 'Not A(Brand', version: '99' },
          { brand: 'Chromium', version: '131' },
          { brand: 'Google Chrome', version: '131' },
        ],
        mobile: false,
        platform: 'Windows',
      },
    });
    expect(device).toEqual({ browser: 'Google Chrome 131', os: 'Windows', mobile: false, cores: 8, memoryGiB: 8 });
  });

  it('sends null for what Safari does not tell, and always passes the server’s schema', () => {
    const device = describeThisDevice({ userAgent: IPHONE, hardwareConcurrency: 4 });
    expect(device).toEqual({ browser: 'Safari 17', os: 'iOS', mobile: true, cores: 4, memoryGiB: null });
    expect(deviceSummarySchema.safeParse(device).success).toBe(true);
    const odd = describeThisDevice({ userAgent: 'x'.repeat(500), hardwareConcurrency: 0, deviceMemory: -1 });
    expect(deviceSummarySchema.safeParse(odd).success).toBe(true);
  });
});
