// The enrolled device identities: sortable by any column, exportable as CSV through the main
// process, and revocable one by one.

import { useEffect } from 'react';

import { useServices } from '../app/context.ts';
import { useEnrolment, useEnrolmentStore } from './context.ts';
import { DEVICE_COLUMNS, deviceRows, formatTime, orderedAttributes, type DeviceColumn } from './device-table.ts';

export function DevicesTable() {
  const store = useEnrolmentStore();
  const { ui } = useServices();
  const devices = useEnrolment((s) => s.devices);
  const order = useEnrolment((s) => s.deviceOrder);
  const exporting = useEnrolment((s) => s.busy === 'exporting');
  const rows = deviceRows(devices, order);

  // The table may be older than the last log entries, whose refresh waits a moment.
  useEffect(() => {
    void store.getState().refreshDevices();
  }, [store]);

  const revoke = async (deviceId: string) => {
    const answer = await ui.getState().ask({
      title: `Revoke device ${deviceId}?`,
      message: 'Under custom provisioning the server turns the device away from its next request on. The registry keeps the device with its revocation time; there is no CRL or OCSP.',
      buttons: [
        { label: 'Cancel', value: 'cancel' },
        { label: 'Revoke', value: 'revoke', primary: true },
      ],
      cancelValue: 'cancel',
    });
    if (answer === 'revoke') await store.getState().revokeDevice(deviceId);
  };

  const ariaSort = (column: DeviceColumn) => (order.column === column ? order.direction : undefined);
  const sortMark = (column: DeviceColumn) => {
    if (order.column !== column) return '';
    return order.direction === 'ascending' ? ' ▲' : ' ▼';
  };

  return (
    <section className="enrol-devices" aria-labelledby="enrol-devices-title">
      <div className="enrol-heading-row">
        <h2 id="enrol-devices-title">Enrolled devices</h2>
        <span className="enrol-count" aria-live="polite">
          {devices.length} {devices.length === 1 ? 'device uses' : 'devices use'} this server
        </span>
        <button type="button" onClick={() => void store.getState().refreshDevices()}>
          Refresh
        </button>
        <button type="button" disabled={exporting} onClick={() => void store.getState().exportCsv()}>
          Export CSV…
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="enrol-hint">No device has enrolled yet. Start the test server and enrol a device, or run `mobileconfig enrolment simulate`.</p>
      ) : (
        <div className="enrol-table-scroll">
          <table className="enrol-table" aria-label="Enrolled devices">
            <thead>
              <tr>
                {DEVICE_COLUMNS.map((column) => (
                  <th key={column.key} scope="col" aria-sort={ariaSort(column.key)}>
                    <button type="button" className="sort-button" onClick={() => store.getState().sortDevices(column.key)}>
                      {column.label}
                      {sortMark(column.key)}
                    </button>
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ device }) => (
                <tr key={device.deviceId}>
                  <td className="mono">{device.deviceId}</td>
                  <td>
                    <span className={`enrol-badge badge-${device.status}`}>{device.status}</span>
                  </td>
                  <td>
                    <ul className="enrol-attribute-list">
                      {orderedAttributes(device.attributes).map(([name, value]) => (
                        <li key={name}>
                          <code>{name}</code> {value}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="mono">{device.certificateSerial ?? '—'}</td>
                  <td className="nowrap">{formatTime(device.issuedAt)}</td>
                  <td className="nowrap">{formatTime(device.lastSeen)}</td>
                  <td>{device.requestCount}</td>
                  <td>
                    {device.status === 'revoked' ? null : (
                      <button type="button" onClick={() => void revoke(device.deviceId)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
