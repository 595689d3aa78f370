import type { SiteStatus } from '../../core/workers/siteStatus';
import { siteJson, toJsonText } from '../output/siteJson';
import { formatAddedSite, formatRemovedSite, formatSiteList } from '../output/siteText';
import { stringValue, type CliCommand } from './cliCommand';

const SITE_ARGUMENT = '<site> is a site id, name or directory.';

export const sitesAdd: CliCommand = {
  group: 'sites',
  action: 'add',
  usage: 'sites add <dir> [--name NAME] [--php PATH]',
  summary: 'Register the Laravel app in <dir>',
  help: [
    'Options:',
    '  --name NAME   Name to show and to refer to the site by (default: the directory name)',
    '  --php PATH    Absolute path of the PHP binary its workers run (default: the first php on PATH)',
    '  --json        Print the site as JSON',
  ],
  options: { name: { type: 'string' }, php: { type: 'string' } },
  positionals: [{ name: 'dir' }],
  async run({ core, args, options, json, style, stdout }) {
    const site = await core.addSite({
      directory: args.dir!,
      name: stringValue(options, 'name'),
      php: stringValue(options, 'php'),
    });
    stdout(json ? toJsonText(siteJson(site)) : formatAddedSite(site, style));
    return 0;
  },
};

export const sitesList: CliCommand = {
  group: 'sites',
  action: 'list',
  usage: 'sites list',
  summary: 'List the sites and their worker state',
  help: [
    'Options:',
    '  --json   Print a JSON array of sites (id, name, path, php, laravelVersion, state, units…)',
  ],
  options: {},
  positionals: [],
  async run({ core, json, style, stdout }) {
    const [sites, statuses] = await Promise.all([core.listSites(), core.status()]);
    const byId = new Map<string, SiteStatus>(statuses.map((s) => [s.site, s]));
    // A site removed between the two reads has no status: it is gone, so leave it out.
    const rows = sites.flatMap((site) => {
      const status = byId.get(site.id);
      return status ? [{ site, status }] : [];
    });
    stdout(
      json
        ? toJsonText(rows.map(({ site, status }) => siteJson(site, status)))
        : formatSiteList(rows, style),
    );
    return 0;
  },
};

export const sitesRemove: CliCommand = {
  group: 'sites',
  action: 'remove',
  usage: 'sites remove <site>',
  summary: "Stop the site's workers, delete their units and forget the site",
  help: [SITE_ARGUMENT, '', 'Options:', '  --json   Print the removed site as JSON'],
  options: {},
  positionals: [{ name: 'site' }],
  async run({ core, args, json, stdout }) {
    const site = await core.removeSite(args.site!);
    stdout(json ? toJsonText(siteJson(site)) : formatRemovedSite(site));
    return 0;
  },
};

export const sitesScan: CliCommand = {
  group: 'sites',
  action: 'scan',
  usage: 'sites scan <dir>',
  summary: 'Register every Laravel app in <dir> and the folders below it (two levels)',
  help: [
    'Apps already registered, and folders that are not Laravel apps, are skipped and listed.',
    '',
    'Options:',
    '  --json   Print {added: [sites], skipped: [{path, message}]} as JSON',
  ],
  options: {},
  positionals: [{ name: 'dir' }],
  async run({ core, args, json, style, stdout }) {
    const { added, skipped } = await core.scanDirectory(args.dir!);
    if (json) {
      stdout(toJsonText({ added: added.map((site) => siteJson(site)), skipped }));
      return 0;
    }
    for (const site of added) stdout(formatAddedSite(site, style));
    for (const skip of skipped) stdout(`skipped ${skip.path}: ${skip.message}\n`);
    if (added.length === 0 && skipped.length === 0)
      stdout(`No Laravel app found in ${args.dir}.\n`);
    return 0;
  },
};

export const SITES_COMMANDS = [sitesAdd, sitesScan, sitesList, sitesRemove];
