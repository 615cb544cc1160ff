/** /calendar/end-of-support.ics: every end-of-support date with reminders. */
import type { APIRoute } from 'astro';
import { calendarMediaType, endOfSupportCalendar } from '../../outputs/calendar/calendars.ts';
import { getRegistry } from '../../site/registry.ts';

export const GET: APIRoute = () =>
  new Response(endOfSupportCalendar(getRegistry()), { headers: { 'Content-Type': calendarMediaType } });
