import { Injectable } from '@nestjs/common';
import { AuditRepository, userActor } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { protocolFile, type ProtocolFile, readProtocolFile } from './protocol-file';
import { StudyError } from './studies.errors';
import { StudiesRepository } from './studies.repository';
import { StudiesService } from './studies.service';
import { StudyAccess, type StudyAccessGrant } from './study-access';

/** Protocols shared between installations: many labs run one protocol, and their data stays home. */
@Injectable()
export class ProtocolFilesService {
  constructor(
    private readonly studies: StudiesService,
    private readonly repository: StudiesRepository,
    private readonly access: StudyAccess,
    private readonly audit: AuditRepository,
  ) {}

  async exportFile(
    principal: Principal,
    studyId: string,
    version: number | undefined,
  ): Promise<{ file: ProtocolFile; title: string; version: number }> {
    const { study } = await this.access.require(principal, studyId, 'owner');
    if (study.protocolVersion === null) throw new StudyError('NOT_LAUNCHED');
    const wanted = version ?? study.protocolVersion;
    const protocol = await this.repository.findProtocol(studyId, wanted);
    if (!protocol) throw new StudyError('PROTOCOL_NOT_FOUND', { detail: `the study has versions 1 to ${study.protocolVersion}` });
    const file = protocolFile(protocol.canonicalJson, new Date());
    await this.audit.study('study.protocol_exported', {
      studyId,
      by: userActor(principal.userId),
      subject: ['protocol', protocol.id],
      data: { version: wanted, designHash: file.designHash },
    });
    return { file, title: study.title, version: wanted };
  }

  /** A new draft running the file's protocol, ready to launch here with this installation's own seed. */
  async importFile(principal: Principal, file: ProtocolFile, title: string | undefined): Promise<StudyAccessGrant> {
    const read = readProtocolFile(file);
    if (Array.isArray(read))
      throw new StudyError('INVALID_PROTOCOL_FILE', {
        detail: read.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
        errors: read,
      });
    const description = `Imported from the protocol file of "${read.title}", version ${read.version} (design hash ${read.designHash}).`;
    return this.studies.createDraft(
      principal,
      { title: title ?? read.title, description, design: read.design },
      { importedDesignHash: read.designHash, protocolVersion: read.version },
    );
  }
}
