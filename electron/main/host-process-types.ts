import type { ParentPort } from 'electron';
import type { HostParentPort } from '../../hardware/host/host-process-server';

// Compile-time only: hardware/ declares the part of Electron's parentPort it
// uses without depending on Electron's types; this line fails `tsc -b` if
// Electron's ParentPort stops fitting that declaration.
export const parentPortFitsHost = (port: ParentPort): HostParentPort => port;
