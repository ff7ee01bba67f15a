import { describe, expect, it } from 'vitest';
import { createGuard, MAX_ERRORS_PER_FEATURE } from '@/lib/overlay/guard';

const TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0ZW5hbnRfaWQiOiIxMDAwMSIsInNjb3BlIjoiY29udGFjdHM6cmVhZCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('the overlay guard', () => {
  it('contains errors, reports each feature once, never with a token, and switches a failing feature off', () => {
    const reports: string[] = [];
    const guard = createGuard((feature, message) => reports.push(`${feature}: ${message}`));
    const boom = guard.wrap('coach', () => {
      throw new Error(`cannot parse ${TOKEN}`);
    });
    for (let i = 0; i < MAX_ERRORS_PER_FEATURE; i++) expect(boom()).toBeUndefined();
    expect(reports).toHaveLength(1);
    expect(reports[0]).not.toContain(TOKEN.slice(0, 40));
    expect(guard.isDisabled('coach')).toBe(true);
    expect(guard.run('banner', () => 42)).toBe(42); // another feature is unaffected
  });
});
