/**
 * npm run simulator -- --port 8787 --profile demo --seed 1 [--now 2026-11-22]
 *   [--client-id X --client-secret Y] [--token-lifetime S] [--no-cost-centers] [--control] [--persist file.json]
 */
import { parseArgs } from 'node:util';
import { startSimulator, type SimulatorOptions } from './standalone';

const USAGE = `Usage: npm run simulator -- [options]
  --port <n>              port (default 8787, 0 = random)
  --host <address>        interface (default 127.0.0.1)
  --profile demo|large    data set size (default demo)
  --seed <n>              data seed (default 1)
  --now <date|instant>    simulated clock, e.g. 2026-11-22 (default today)
  --client-id <id>        OAuth client id (default demo)
  --client-secret <s>     OAuth client secret (default demo-secret)
  --token-lifetime <s>    access token lifetime in seconds (default 3600)
  --no-cost-centers       customer without the cost-centre option (403 on those paths)
  --control               enable the /__sim/ control endpoints
  --persist <file.json>   keep cost centres, assignments, designations and preferences in a file`;

const integer = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text)) throw new Error(`--${name} expects a non-negative integer, got ${text}`);
  return Number(text);
};

const parseOptions = (argv: readonly string[]): SimulatorOptions | 'help' => {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      profile: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'token-lifetime': { type: 'string' },
      'no-cost-centers': { type: 'boolean' },
      control: { type: 'boolean' },
      persist: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help === true) return 'help';
  const profile = values.profile ?? 'demo';
  if (profile !== 'demo' && profile !== 'medium' && profile !== 'large')
    throw new Error(`--profile expects demo, medium or large, got ${profile}`);
  const options: SimulatorOptions = {
    profile,
    costCenterOption: values['no-cost-centers'] !== true,
    control: values.control === true,
  };
  const port = integer('port', values.port);
  const seed = integer('seed', values.seed);
  const tokenLifetime = integer('token-lifetime', values['token-lifetime']);
  if (port !== undefined) options.port = port;
  if (seed !== undefined) options.seed = seed;
  if (tokenLifetime !== undefined) options.tokenLifetimeSeconds = tokenLifetime;
  if (values.host !== undefined) options.host = values.host;
  if (values.now !== undefined) options.now = values.now;
  if (values['client-id'] !== undefined) options.clientId = values['client-id'];
  if (values['client-secret'] !== undefined) options.clientSecret = values['client-secret'];
  if (values.persist !== undefined) options.persistPath = values.persist;
  return options;
};

const main = async (): Promise<void> => {
  let options: SimulatorOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const simulator = await startSimulator(options);
  console.log(`Postal Billing API simulator listening on ${simulator.url}`);
  console.log(`  profile ${options.profile ?? 'demo'}, seed ${options.seed ?? 1}`);
  console.log(
    `  client_id=${options.clientId ?? 'demo'} client_secret=${options.clientSecret ?? 'demo-secret'}`,
  );
  if (options.control === true) console.log(`  control endpoints at ${simulator.url}/__sim/`);
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
