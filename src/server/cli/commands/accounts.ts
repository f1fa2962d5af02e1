import { Username } from '@shared/contracts/auth';
import { UserCreateBody } from '@shared/contracts/users';
import { ROLES } from '@shared/permissions';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Config } from '../../config';
import { API_TOKEN_DEFAULT_TTL_DAYS, API_TOKEN_MAX_TTL_DAYS } from '../../modules/auth/auth.policy';
import { createApiToken, createUser } from '../../modules/users/users.service';
import { verifyAuditChain } from '../../platform/audit';
import { inScope } from '../../platform/db-scope';
import { CliError } from '../errors';
import { printJson } from '../output';
import { parseInput, withServiceContext } from '../run';

/** Reads a password piped on stdin (`echo … | npm run pcmt -- user create …`); none from a terminal. */
async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text.length > 0 ? text : undefined;
}

const Ttl = z
  .string()
  .regex(/^\d{1,3}d$/, 'dạng 30d (số ngày) / like 30d (days)')
  .transform((v) => Number(v.slice(0, -1)))
  .pipe(z.number().int().min(1).max(API_TOKEN_MAX_TTL_DAYS));

export function registerAccountCommands(program: Command, config: () => Config): void {
  const user = program.command('user').description('Tài khoản người dùng / user accounts');
  user
    .command('create')
    .description('Tạo tài khoản; mật khẩu đọc từ stdin hoặc được sinh ngẫu nhiên và in ra / create an account')
    .requiredOption('--username <username>', 'tên đăng nhập')
    .requiredOption('--unit <code>', 'mã đơn vị hành chính hiện hành (tỉnh hoặc xã)')
    .requiredOption('--agency <code>', 'mã cơ quan (xem: agencies list)')
    .requiredOption(
      '--role <role>',
      `vai trò: ${ROLES.join(' | ')}; lặp lại để gán nhiều vai trò`,
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--display-name <name>', 'họ tên hiển thị')
    .option('--facility <code>', 'cơ sở của cán bộ cơ sở (facility_staff) / the facility of a facility_staff user')
    .option('--json', 'in JSON / print JSON')
    .action(
      async (opts: {
        username: string;
        unit: string;
        agency: string;
        role: string[];
        displayName?: string;
        facility?: string;
        json?: boolean;
      }) => {
        const facilityId = opts.facility
          ? await withServiceContext(config(), (ctx) =>
              inScope(ctx.db, { kind: 'system', reason: 'cli user create' }, (trx) =>
                trx
                  .selectFrom('facility')
                  .select('id')
                  .where('code', '=', opts.facility as string)
                  .executeTakeFirst(),
              ),
            )
          : undefined;
        if (opts.facility && !facilityId) throw new CliError(`Không có cơ sở / no facility ${opts.facility}`);
        const input = parseInput(UserCreateBody, {
          username: opts.username,
          displayName: opts.displayName ?? opts.username,
          unitCode: opts.unit,
          agencyCode: opts.agency,
          roles: opts.role,
          ...(facilityId ? { facilityId: facilityId.id } : {}),
        });
        const piped = await passwordFromStdin();
        if (piped !== undefined && (piped.length < 12 || piped.length > 128)) {
          throw new CliError('Mật khẩu phải dài 12–128 ký tự / the password must be 12–128 characters');
        }
        const result = await withServiceContext(config(), (ctx) => createUser(ctx, input, piped ? { password: piped } : {}));
        if (opts.json) return printJson(piped ? { user: result.user } : result);
        process.stdout.write(
          `Đã tạo / created: ${result.user.username} (${result.user.roles.join(', ')}) — ${result.user.unit.fullName}, ${result.user.agencyCode}\n`,
        );
        if (!piped) process.stdout.write(`Mật khẩu tạm / temporary password: ${result.temporaryPassword}\n`);
        process.stdout.write('Người dùng phải đổi mật khẩu và đăng ký xác thực hai lớp khi đăng nhập lần đầu.\n');
      },
    );

  const token = program.command('token').description('Mã truy cập API / API tokens');
  token
    .command('create')
    .description('Cấp mã truy cập API (in ra một lần) / issue an API token, printed once')
    .requiredOption('--username <username>', 'tên đăng nhập của người dùng')
    .option('--ttl <days>', 'thời hạn, ví dụ 30d', `${API_TOKEN_DEFAULT_TTL_DAYS}d`)
    .option('--name <name>', 'ghi chú mục đích', 'cli')
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: { username: string; ttl: string; name: string; json?: boolean }) => {
      const username = parseInput(Username, opts.username, 'username');
      const ttlDays = parseInput(Ttl, opts.ttl, 'ttl');
      const issued = await withServiceContext(config(), (ctx) =>
        createApiToken(ctx, { username, ttlDays, name: opts.name.slice(0, 100) }),
      );
      if (opts.json) return printJson({ token: issued.token, id: issued.id, expiresAt: issued.expiresAt.toISOString() });
      process.stdout.write(`${issued.token}\n`);
      process.stderr.write(
        `Hết hạn / expires ${issued.expiresAt.toISOString()}. Dùng: Authorization: Bearer <token>. Mã chỉ hiện một lần.\n`,
      );
    });

  const audit = program.command('audit').description('Nhật ký truy cập / audit log');
  audit
    .command('verify')
    .description('Kiểm tra chuỗi băm của nhật ký; mã thoát khác 0 nếu bị sửa / verify the hash chain')
    .option('--head <hash>', 'một mã đầu chuỗi đã xuất trước đó phải còn trong chuỗi')
    .option('--json', 'in JSON / print JSON')
    .action(async (opts: { head?: string; json?: boolean }) => {
      const result = await withServiceContext(config(), (ctx) =>
        inScope(ctx.db, { kind: 'system', reason: 'audit verify' }, (trx) =>
          verifyAuditChain(trx, opts.head ? { expectHead: opts.head } : {}),
        ),
      );
      if (opts.json) printJson(result);
      else if (result.ok)
        process.stdout.write(
          `Nhật ký toàn vẹn / audit log intact: ${result.checked} sự kiện, đầu chuỗi ${result.headSeq} ${result.headHash}\n`,
        );
      if (!result.ok) {
        throw new CliError(
          `Nhật ký đã bị thay đổi / the audit log was tampered with: sự kiện / event ${result.firstBad?.seq}: ${result.firstBad?.problem} (đã kiểm ${result.checked} sự kiện hợp lệ trước đó)`,
        );
      }
    });
  audit
    .command('head')
    .description('In đầu chuỗi hiện tại để lưu ra ngoài / print the current chain head for off-site keeping')
    .action(async () => {
      const head = await withServiceContext(config(), (ctx) =>
        inScope(ctx.db, { kind: 'system', reason: 'audit head' }, (trx) =>
          trx.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow(),
        ),
      );
      process.stdout.write(`${head.seq} ${head.hash}\n`);
    });
}
