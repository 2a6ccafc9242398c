// Makes sure the Debian packages the tests need are present:
//   chromium      end-to-end tests drive the renderer in Debian's Chromium
//   socat         serial devices are tested over real pseudo-terminal pairs
//   libusb-1.0-0  node-hid's prebuilt Linux binary links against it
//   openssl       the Adyen terminal simulator makes its own CA and certificate
// As root with apt-get it installs what is missing (one `apt-get update` first);
// otherwise it stops and says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SystemPackage {
  readonly name: string;
  readonly why: string;
  readonly present: () => boolean;
}

const onPath = (command: string): boolean =>
  spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const libraryPresent = (soname: string): boolean => {
  const ldconfig = spawnSync('sh', ['-c', `/sbin/ldconfig -p 2>/dev/null | grep -q ${soname}`]);
  if (ldconfig.status === 0) return true;
  return [
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
  ].some((dir) => existsSync(`${dir}/${soname}`));
};

export const SYSTEM_PACKAGES: readonly SystemPackage[] = [
  {
    name: 'chromium',
    why: 'end-to-end tests (Playwright drives /usr/bin/chromium)',
    present: () => existsSync('/usr/bin/chromium'),
  },
  { name: 'socat', why: 'serial device tests over pseudo-terminals', present: () => onPath('socat') },
  { name: 'libusb-1.0-0', why: "node-hid's native binary", present: () => libraryPresent('libusb-1.0.so.0') },
  {
    name: 'openssl',
    why: 'the Adyen terminal simulator issues its own CA and TLS certificate',
    present: () => onPath('openssl'),
  },
];

export function missingPackages(packages: readonly SystemPackage[] = SYSTEM_PACKAGES): SystemPackage[] {
  return packages.filter((p) => !p.present());
}

function canInstall(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && onPath('apt-get');
}

/** What to tell someone who cannot let this script install the packages. */
export function installInstructions(missing: readonly SystemPackage[]): string {
  const lines = missing.map((p) => `  - ${p.name}: ${p.why}`).join('\n');
  const names = missing.map((p) => p.name).join(' ');
  return `Missing system packages:\n${lines}\nInstall them with:\n  sudo apt-get update && sudo apt-get install -y ${names}`;
}

export function ensureSystemPackages(): void {
  const missing = missingPackages();
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (!canInstall()) throw new Error(installInstructions(missing));
  console.log(`[system-deps] installing ${names.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], { stdio: 'inherit', env });
  const stillMissing = missingPackages();
  if (stillMissing.length > 0) {
    throw new Error(
      `apt-get finished but these are still missing: ${stillMissing.map((p) => p.name).join(', ')}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureSystemPackages();
    console.log(`[system-deps] ${SYSTEM_PACKAGES.map((p) => p.name).join(', ')} are present`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
