import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { SitesService } from '../sites/sites.service';
import { StudyAccess } from '../studies/study-access';
import { CONTENT_TYPES } from './export-names';
import { DATA_FILES, type ExportFile, type ExportFilter, isExportFile } from './export-model';
import { type ExportPlan, exportPlan, generatedText } from './export-plan';
import { bundleStream, csvStream, type ExportOutcome } from './export-streams';
import { ExportError } from './exports.errors';
import { ExportsRepository } from './exports.repository';
import { pseudonym } from './pseudonyms';

export interface ExportDownload {
  readonly fileName: string;
  readonly contentType: string;
  readonly stream: Readable;
}

/** The clock is injectable so tests can pin the date in file names. */
export const EXPORT_CLOCK = Symbol('EXPORT_CLOCK');

/**
 * Exports for analysts and above; external ids (direct identifiers) only for owners who ask,
 * audited under their own action. Every download, finished or not, writes one audit event.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly access: StudyAccess,
    private readonly repository: ExportsRepository,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EXPORT_CLOCK) private readonly now: () => Date,
    private readonly sites: SitesService,
  ) {}

  /** `asked.site` limits the export to one site's sessions; a site-limited researcher always gets their own. */
  async download(principal: Principal, studyId: string, file: string, asked: ExportFilter): Promise<ExportDownload> {
    if (!isExportFile(file)) throw new ExportError('UNKNOWN_EXPORT_FILE', { detail: `${file} is not an export file` });
    const grant = await this.access.require(principal, studyId, asked.externalIds ? 'owner' : 'analyst');
    const { study } = grant;
    const filter: ExportFilter = { ...asked, site: (await this.sites.readScope(grant, asked.site ?? undefined))?.code ?? null };
    const protocols = await this.repository.protocols(studyId, filter.protocolVersions);
    const missing = (filter.protocolVersions ?? []).filter((v) => !protocols.some((p) => p.version === v));
    if (protocols.length === 0 || missing.length > 0)
      throw new ExportError('NO_PROTOCOL', { detail: missing.length > 0 ? `no protocol version ${missing.join(', ')}` : undefined });
    const externalIdKeys = filter.externalIds ? await this.repository.externalIdKeys(studyId) : [];
    const plan = exportPlan(
      study.title,
      { studyId, protocols, filter, externalIdKeys, sites: await this.repository.sites(studyId, filter.site) },
      this.now(),
    );
    return { fileName: plan.names[file], contentType: CONTENT_TYPES[file], stream: this.stream(plan, file, principal) };
  }

  private stream(plan: ExportPlan, file: ExportFile, principal: Principal): Readable {
    const done = (outcome: ExportOutcome) => this.record(principal, plan, file, outcome);
    const open = () => this.repository.open(plan.scope.studyId, (kind, id) => pseudonym(this.config.pseudonymSecret, kind, id));
    if (file === 'bundle.zip') return bundleStream(plan, open, done);
    if ((DATA_FILES as readonly string[]).includes(file)) return csvStream(plan, file as (typeof DATA_FILES)[number], open, done);
    const text = generatedText(plan, file as Parameters<typeof generatedText>[1]);
    return Readable.from(this.afterAudit(done, text));
  }

  /** Generated files are small: audited, then sent in one chunk. */
  private async *afterAudit(done: (outcome: ExportOutcome) => Promise<void>, text: string): AsyncGenerator<Buffer> {
    await done({ completed: true, rows: {} });
    yield Buffer.from(text, 'utf8');
  }

  private async record(principal: Principal, plan: ExportPlan, file: ExportFile, outcome: ExportOutcome): Promise<void> {
    const filter = plan.scope.filter;
    await this.audit.study(filter.externalIds ? 'export.identified' : 'export.download', {
      studyId: plan.scope.studyId,
      by: userActor(principal.userId),
      subject: ['export', file],
      data: {
        file,
        fileName: plan.names[file],
        via: principal.via,
        completed: outcome.completed,
        rows: outcome.rows,
        filter: {
          protocol: filter.protocolVersions,
          includeIncomplete: filter.includeIncomplete,
          externalIds: filter.externalIds,
          site: filter.site,
        },
      },
    });
  }
}
