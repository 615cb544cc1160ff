/** /calendar/maintenance.ics: scheduled maintenance windows, in UTC. */
import type { APIRoute } from 'astro';
import { calendarMediaType, maintenanceCalendar } from '../../outputs/calendar/calendars.ts';
import { getRegistry } from '../../site/registry.ts';

export const GET: APIRoute = () =>
  new Response(maintenanceCalendar(getRegistry()), { headers: { 'Content-Type': calendarMediaType } });
