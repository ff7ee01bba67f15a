/** The user's IANA time zone (what reminders count calendar days in), UTC if the runtime has none. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
