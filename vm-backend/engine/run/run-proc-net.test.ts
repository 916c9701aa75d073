import { describe, expect, it } from 'vitest';
import { hexToIp, parseProcNet } from './run-proc-net';
import { stdoutOf } from './run-host-ports';

const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1084 1 0 100 0 0 10 0
   1: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 27857 1 0 100 0 0 10 0
   2: 0100007F:9A01 0100007F:B16C 06 00000000:00000000 03:000014EC 00000000     0        0 0 3 0
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:1B58 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0
   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0
   2: 0000000000000000FFFF00000100007F:2328 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0
`;
const UDP = `   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
  100: 00000000:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 1 2 0 0
  101: 0100007F:0044 0100007F:0035 01 00000000:00000000 00:00000000 00000000     0        0 1 2 0 0
`;

describe('parseProcNet', () => {
  it('keeps listening tcp sockets and unconnected udp ones, v4 and v6', () => {
    expect(parseProcNet(TCP + TCP6 + UDP)).toEqual([
      { ip: '0.0.0.0', port: 2024, protocol: 'tcp' },
      { ip: '127.0.0.1', port: 5000, protocol: 'tcp' },
      { ip: '::', port: 7000, protocol: 'tcp' },
      { ip: '::1', port: 8080, protocol: 'tcp' },
      { ip: '127.0.0.1', port: 9000, protocol: 'tcp' },
      { ip: '0.0.0.0', port: 53, protocol: 'udp' },
    ]);
  });
  it('ignores garbage', () => {
    expect(parseProcNet('cat: /proc/net/tcp6: No such file\nnonsense 1 2 3\n  0: zz:zz 0 0A')).toEqual([]);
    expect(hexToIp('123')).toBeNull();
  });
  it('keeps only stdout of a framed log', () => {
    const frame = (type: number, text: string): Buffer => {
      const body = Buffer.from(text);
      const head = Buffer.alloc(8);
      head[0] = type;
      head.writeUInt32BE(body.length, 4);
      return Buffer.concat([head, body]);
    };
    expect(stdoutOf(Buffer.concat([frame(1, 'a\n'), frame(2, 'err\n'), frame(1, 'b\n')]))).toBe('a\nb\n');
    expect(stdoutOf(Buffer.from('plain text'))).toBe('plain text');
  });
});
