/** `strata user create|list|setup-link|reset-link`: accounts from the command line. */
import type { Command } from 'commander';
import { ROLES, type Role } from '../../domain/access.ts';
import { AppError } from '../../services/index.ts';
import { commandScope, withStrata } from '../context.ts';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Registers the user commands. */
export function userCommands(cli: Command): void {
  const user = cli
    .command('user')
    .description('Accounts: create the first administrator, list, links.');
  user
    .command('create')
    .description(
      'Create an account. Without --password-stdin it gets an invitation-style reset link to set its password.',
    )
    .requiredOption('--email <email>', 'the account e-mail')
    .option('--admin', 'make it an administrator (same as --role admin)')
    .option('--role <role>', `one of ${ROLES.join(', ')}`, 'contributor')
    .option('--unit <code...>', 'unit codes the account works for')
    .option('--password-stdin', 'read the password from standard input')
    .option('--as <email>', 'act as this account (its permissions apply)')
    .action(
      async (options: {
        email: string;
        admin?: boolean;
        role: string;
        unit?: string[];
        passwordStdin?: boolean;
        as?: string;
      }) => {
        const role = (options.admin ? 'admin' : options.role) as Role;
        if (!ROLES.includes(role))
          throw new AppError('invalid_input', `--role must be one of ${ROLES.join(', ')}`);
        const password = options.passwordStdin ? await readStdin() : undefined;
        await withStrata(async (strata, config) => {
          const scope = await commandScope(strata, config.workspace, options.as);
          const overview = await strata.services.workspace.overview(scope);
          const unitIds = (options.unit ?? []).map((code) => {
            const unit = overview.units.find((u) => u.code === code);
            if (!unit) throw new AppError('invalid_input', `--unit: no unit with code ${code}`);
            return unit.id;
          });
          const created = await strata.services.users.create(scope, {
            email: options.email,
            role,
            unitIds,
            ...(password !== undefined && { password }),
          });
          console.log(`Created ${created.role} ${created.email}.`);
          if (password === undefined) {
            const link = await strata.services.users.resetLink(scope, created.id);
            console.log(`Set its password within 24 hours at: /reset-password#token=${link.token}`);
          }
        });
      },
    );
  user
    .command('list')
    .description('List the accounts of the workspace.')
    .action(async () => {
      await withStrata(async (strata, config) => {
        const scope = await commandScope(strata, config.workspace);
        for (const u of await strata.services.users.list(scope)) {
          console.log(`${u.email}\t${u.role}${u.disabled ? '\tdisabled' : ''}`);
        }
      });
    });
  user
    .command('setup-link')
    .description(
      'Print a one-time link to create the first administrator (only while there is none).',
    )
    .action(async () => {
      await withStrata(async (strata, config) => {
        const scope = await commandScope(strata, config.workspace);
        const link = await strata.services.users.setupLink(scope);
        if (!link)
          throw new AppError(
            'conflict',
            'An administrator exists already; sign in as them to invite others',
          );
        console.log(
          `Create the first administrator within 48 hours at: /setup#token=${link.token}`,
        );
      });
    });
}
