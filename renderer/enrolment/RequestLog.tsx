// The live request log of the test server: newest first, with device id, phase, decision and reason.

import { useEnrolment } from './context.ts';
import { formatTime } from './device-table.ts';

export function RequestLog() {
  const log = useEnrolment((s) => s.log);
  const newestFirst = [...log].reverse();

  return (
    <section className="enrol-log" aria-labelledby="enrol-log-title">
      <h3 id="enrol-log-title">Request log</h3>
      {newestFirst.length === 0 ? (
        <p className="enrol-hint">No requests yet. Every request the server receives appears here.</p>
      ) : (
        <div className="enrol-table-scroll">
          <table className="enrol-table" aria-label="Request log">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Request</th>
                <th scope="col">Device</th>
                <th scope="col">Phase</th>
                <th scope="col">Decision</th>
                <th scope="col">HTTP</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((entry) => (
                <tr key={`${entry.time}#${entry.requestId}`} className={`decision-${entry.decision}`}>
                  <td className="nowrap">{formatTime(entry.time)}</td>
                  <td className="nowrap">
                    {entry.method} {entry.path}
                  </td>
                  <td className="mono">{entry.deviceId ?? '—'}</td>
                  <td className="nowrap">{entry.phase}</td>
                  <td>
                    <span className={`enrol-badge badge-${entry.decision}`}>{entry.decision}</span>
                  </td>
                  <td>{entry.status}</td>
                  <td>{entry.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
