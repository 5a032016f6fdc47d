import type { RoomState } from '../../../shared/audience/audience-messages';
import { AUDIENCE_CSV_COLUMNS, roomCsvRows, roomExport } from '../../../shared/audience/room-export';
import { csvField } from '../../../shared/session/session-csv';
import { exportFileName } from '../../../shared/session/session-export';
import { saveFile } from '../session/save-file';

/** The room's results as a file, the way the workshop's exports are made (session-export.ts's CSV rules). */
export function exportRoom(state: RoomState, format: 'json' | 'csv', exportedAt = new Date().toISOString()): string {
  const name = exportFileName('session', exportedAt, format).replace('unfreeze-session', 'unfreeze-audience');
  if (format === 'json') {
    saveFile(name, `${JSON.stringify(roomExport(state, exportedAt), null, 2)}\n`, 'application/json');
  } else {
    const rows = [[...AUDIENCE_CSV_COLUMNS], ...roomCsvRows(state)];
    saveFile(name, rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n', 'text/csv');
  }
  return name;
}
