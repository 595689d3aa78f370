// Packaging cannot run on the build machines (electron-builder downloads Electron), so this
// checks electron-builder.yml itself: against electron-builder's own schema, with its own
// desktop-entry code, and against what the packages must contain.
import Ajv from 'ajv';
import { build } from 'esbuild';
import { execa } from 'execa';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../testing/findExecutable';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// electron-builder's own modules, reached through it (the version npm installed for it).
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));

/** The options electron-builder uses for a deb (linux, then deb on top), as FpmTarget merges them. */
const debOptions = { ...config.linux, ...config.deb };

/** Parses a desktop entry's [Desktop Entry] group into key → raw value. */
function desktopEntry(text: string): Record<string, string> {
  const entry: Record<string, string> = {};
  let inMain = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('[')) inMain = line === '[Desktop Entry]';
    else if (inMain && line.includes('=')) {
      const at = line.indexOf('=');
      entry[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return entry;
}

async function renderDesktopEntry(): Promise<{ text: string; fileName: string }> {
  const { LinuxTargetHelper } = fromBuilder('app-builder-lib/out/targets/LinuxTargetHelper');
  // The slice of electron-builder's packager that desktop-entry rendering reads.
  const packager = {
    appInfo: {
      productName: config.productName,
      sanitizedProductName: config.productName,
      productFilename: config.linux.executableName,
      description: pkg.description,
    },
    executableName: config.linux.executableName,
    info: { metadata: { ...pkg, ...config.extraMetadata } },
    platformSpecificBuildOptions: config.linux,
    config,
    fileAssociations: [],
  };
  const helper = new LinuxTargetHelper(packager);
  return {
    text: await helper.computeDesktopEntry(debOptions),
    fileName: `${helper.getDesktopFileName()}.desktop`,
  };
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder: its own schema, with its own validator settings', () => {
    const schema = fromBuilder('app-builder-lib/scheme.json');
    const validate = new Ajv({ allErrors: true, coerceTypes: true, strict: false }).compile(schema);
    expect(validate(structuredClone(config)), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator does refuse a misspelt key, so the pass above means something.
    const misspelt = structuredClone(config);
    misspelt.linux.categroy = 'Development';
    expect(validate(misspelt)).toBe(false);
  });

  it('names the app and builds AppImage, deb and rpm into release/', () => {
    expect(config.appId).toBe('dev.servermark.app');
    expect(config.productName).toBe('ServerMark');
    // Used unescaped in install paths (/opt/ServerMark) and in the CLI wrapper.
    expect(config.productName).toMatch(/^[A-Za-z0-9]+$/);
    expect(config.directories.output).toBe('release');
    expect(config.linux.target).toEqual(['AppImage', 'deb', 'rpm']);
    expect(config.linux.category).toBe('Development');
    expect(config.asar).toBe(true);
    expect(pkg.scripts.dist).toContain('electron-builder --config electron-builder.yml');
    expect(pkg.scripts.dist).toMatch(/^npm run build && /);
  });

  it('has what deb and rpm refuse to build without: a maintainer and a project URL', () => {
    expect(config.linux.maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    expect(config.extraMetadata.homepage ?? pkg.homepage).toMatch(/^https:\/\//);
  });

  it('packs the built app and its runtime dependencies, not sources, tests or maps', () => {
    const files: string[] = config.files;
    const included = files.filter((pattern) => !pattern.startsWith('!'));
    const excluded = files.filter((pattern) => pattern.startsWith('!'));
    expect(included).toContain('package.json');
    expect(included.filter((p) => p !== 'package.json').every((p) => p.startsWith('dist/'))).toBe(
      true,
    );
    for (const part of ['main', 'preload', 'renderer', 'assets'])
      expect(included).toContain(`dist/${part}/**`);
    expect(pkg.main).toBe('dist/main/electronMain.mjs');
    expect(excluded).toContain('!**/*.map');
    expect(excluded).toContain('!**/*.{test,spec}.{ts,tsx,js,mjs}');
    expect(excluded.some((p) => p.includes('{test,tests,__tests__'))).toBe(true);
  });

  it('leaves out only dependencies that main never loads', async () => {
    const pattern = (config.files as string[]).find((p) => p.startsWith('!node_modules/{'))!;
    const left = pattern.slice('!node_modules/{'.length, pattern.indexOf('}')).split(',');
    expect(left).toEqual(expect.arrayContaining(['react', 'react-dom', 'tsx']));
    // Walk what main needs at run time: everything in dependencies but renderer and CLI-runner ones.
    const needed = new Set<string>();
    const visit = (name: string) => {
      if (needed.has(name)) return;
      needed.add(name);
      const manifest = join(ROOT, 'node_modules', name, 'package.json');
      if (!existsSync(manifest)) return;
      const deps = JSON.parse(readFileSync(manifest, 'utf8')).dependencies ?? {};
      Object.keys(deps).forEach(visit);
    };
    Object.keys(pkg.dependencies)
      .filter((name) => !left.includes(name))
      .forEach(visit);
    expect([...needed].filter((name) => left.includes(name))).toEqual([]);
    // And none of main's own code imports them.
    // And main's bundle imports none of them itself.
    const imported = (await packagesMainImports()).map((path) =>
      path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!,
    );
    expect(imported).toContain('electron');
    expect(imported.filter((name) => left.includes(name))).toEqual([]);
  });

  it('flips the fuses to their safe values, with file:// privileges kept for the module scripts', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // See the comment in electron-builder.yml: the window is loaded over file://.
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('depends on libnotify and recommends an AppIndicator library', () => {
    expect(config.deb.depends).toContain('libnotify4');
    expect(config.deb.depends).toContain('systemd');
    expect(config.deb.recommends.join(' ')).toMatch(/appindicator3-1/);
    expect(config.rpm.depends).toContain('libnotify');
    expect(config.rpm.depends).toContain('systemd');
  });

  it('icons come from the one folder of rendered PNGs', () => {
    expect(config.linux.icon).toBe('main/shell/assets/icons');
    expect(existsSync(join(ROOT, config.linux.icon, '512x512.png'))).toBe(true);
  });

  it('installs /usr/bin/servermark: a wrapper running the bundled CLI shipped beside app.asar', () => {
    expect(config.extraResources).toEqual([
      { from: 'dist/cli', to: 'cli', filter: ['servermark.mjs'] },
    ]);
    for (const target of [config.deb, config.rpm]) {
      const mapping = (target.fpm as string[]).find((arg) => arg.endsWith('=/usr/bin/servermark'));
      expect(mapping).toBe('main/build/linux/servermark=/usr/bin/servermark');
    }
    const wrapper = join(ROOT, 'main/build/linux/servermark');
    accessSync(wrapper, constants.X_OK);
    const text = readFileSync(wrapper, 'utf8');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    // resources/ of an fpm package sits in /opt/<productName>/.
    expect(text).toContain(`/opt/${config.productName}/resources/cli/servermark.mjs`);
    expect(text).toContain('exec node "$cli" "$@"');
  });
});

/** Packages the main-process bundle imports at run time, as esbuild sees them. */
async function packagesMainImports(): Promise<string[]> {
  const result = await build({
    entryPoints: [join(ROOT, 'main/shell/electronMain.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const external = Object.values(result.metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.external).map((i) => i.path),
  );
  return [...new Set(external.filter((path) => !path.startsWith('node:')))];
}

describe('the desktop entry electron-builder writes from this config', () => {
  let dir: string;
  let text: string;
  let entry: Record<string, string>;
  let fileName: string;

  beforeAll(async () => {
    ({ text, fileName } = await renderDesktopEntry());
    entry = desktopEntry(text);
    dir = await mkdtemp(join(tmpdir(), 'servermark-desktop-entry-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('has the fields a launcher and a dock need', () => {
    expect(entry).toMatchObject({
      Type: 'Application',
      Name: 'ServerMark',
      Categories: 'Development;',
      Terminal: 'false',
      Exec: `/opt/ServerMark/${config.linux.executableName} %U`,
    });
    expect(entry.Comment).toMatch(/Laravel queue workers/);
    expect(entry.Comment!.length).toBeLessThan(100);
    expect(entry.Keywords!.split(';')).toEqual(expect.arrayContaining(['laravel', 'queue']));
  });

  it('matches the window to its entry: file name, StartupWMClass and desktopName agree', () => {
    expect(config.extraMetadata.desktopName).toBe('servermark.desktop');
    expect(config.linux.syncDesktopName).toBe(true);
    expect(fileName).toBe('servermark.desktop');
    expect(entry.StartupWMClass).toBe('servermark');
  });

  it('names the icon electron-builder installs into hicolor (the executable name)', () => {
    expect(entry.Icon).toBe(config.linux.executableName);
  });

  it('passes desktop-file-validate', async () => {
    // Debian's desktop-file-utils; CI installs it.
    const validator = findExecutable('desktop-file-validate');
    const file = join(dir, fileName);
    await writeFile(file, text);
    const result = await execa(validator, [file], { reject: false });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.exitCode).toBe(0);
  });
});
