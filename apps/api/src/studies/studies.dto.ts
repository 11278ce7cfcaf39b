import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Nested, Omittable } from '../common/http/validators';
import { designHashOf } from './protocol-file';
import type { Protocol } from './protocol.entity';
import type { StudyAccessGrant } from './study-access';
import { StudyDesignDto } from './study-design.dto';
import { STUDY_ROLES, type StudyRole } from './study-member.entity';
import type { MemberRow } from './study-members.repository';
import { STUDY_TEMPLATES } from './study-templates';
import { STUDY_STATUSES, type StudyStatus } from './study.entity';

export class CreateStudyRequest {
  @ApiProperty({ example: 'Phone presence replication, spring term' }) @IsString() @Length(1, 200) title: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ enum: STUDY_TEMPLATES.map((t) => t.id), description: 'Prefill the draft from a template (default phone_only)' })
  @Omittable()
  @IsString()
  templateId?: string;
}

export class UpdateStudyRequest {
  @ApiPropertyOptional() @Omittable() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @Omittable() @IsString() @MaxLength(4000) description?: string;
  @ApiPropertyOptional({ type: StudyDesignDto }) @Omittable() @Nested(() => StudyDesignDto) design?: StudyDesignDto;
}

export class AmendStudyRequest {
  @ApiProperty({ type: StudyDesignDto }) @Nested(() => StudyDesignDto) design: StudyDesignDto;
  @ApiProperty({ example: 'Fixed a typo in the consent text' }) @IsString() @Length(3, 2000) reason: string;
}

export class SetRoleRequest {
  @ApiProperty({ enum: STUDY_ROLES }) @IsIn(STUDY_ROLES) role: StudyRole;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Limits a researcher to one site (GET …/sites): they run and read only its sessions. Left out: every site. Only researchers can be limited (400 `SITE_LIMIT_ROLE`)',
  })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class DesignCheckRequest {
  @ApiProperty({ type: StudyDesignDto }) @Nested(() => StudyDesignDto) design: StudyDesignDto;
}

class FieldIssueDto {
  @ApiProperty({ example: 'design.factors[0].levels[1].instructions.de' }) path: string;
  @ApiProperty({ example: 'MISSING_TRANSLATION' }) code: string;
  @ApiProperty({ example: 'needs a text in "de"' }) message: string;
}

export class DesignProblemsResponse {
  @ApiProperty({ type: [FieldIssueDto], description: 'Empty when launch (or the amendment) would accept the design' })
  problems: FieldIssueDto[];
}

export class MemberResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: STUDY_ROLES }) role: StudyRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "A site-limited researcher's site; null: every site" }) siteId:
    string | null;
  @ApiProperty({ type: String, nullable: true, description: "That site's code" }) siteCode: string | null;
  @ApiProperty({ format: 'date-time' }) addedAt: string;

  static of(row: MemberRow): MemberResponse {
    return {
      userId: row.userId,
      email: row.email,
      role: row.role,
      siteId: row.siteId,
      siteCode: row.siteCode,
      addedAt: new Date(row.addedAt).toISOString(),
    };
  }
}

export class AddMemberRequest {
  @ApiProperty() @IsEmail() email: string;
  @ApiProperty({ enum: STUDY_ROLES }) @IsIn(STUDY_ROLES) role: StudyRole;
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Limits a researcher to one site (GET …/sites): they run and read only its sessions. Left out: every site. Only researchers can be limited (400 `SITE_LIMIT_ROLE`)',
  })
  @IsOptional()
  @IsUUID()
  siteId?: string;
}

export class StudySummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STUDY_STATUSES }) status: StudyStatus;
  @ApiProperty({ enum: STUDY_ROLES }) role: StudyRole;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of({ study, role }: Pick<StudyAccessGrant, 'study' | 'role'>): StudySummaryResponse {
    return {
      id: study.id,
      title: study.title,
      status: study.status,
      role,
      createdAt: study.createdAt.toISOString(),
      updatedAt: study.updatedAt.toISOString(),
    };
  }
}

export class StudyResponse extends StudySummaryResponse {
  @ApiProperty() description: string;
  @ApiProperty({ type: StudyDesignDto }) design: StudyDesignDto;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Code of the study link for online sessions; null for analysts, who read data and recruit nobody',
  })
  joinCode: string | null;
  @ApiProperty({ type: Number, nullable: true }) protocolVersion: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the secret allocation seed, published at launch' }) seedCommitment:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'Set when the study closed and the seed became verifiable',
  })
  seedRevealedAt: string | null;
  @ApiProperty({
    description:
      "Counts saved draft edits; also the ETag. Send it back as If-Match when editing, to be told of someone else's edit instead of overwriting it",
  })
  revision: number;

  static full(grant: StudyAccessGrant): StudyResponse {
    const { study } = grant;
    return {
      ...StudySummaryResponse.of(grant),
      description: study.description,
      design: study.design as unknown as StudyDesignDto,
      joinCode: grant.role === 'analyst' ? null : study.joinCode,
      protocolVersion: study.protocolVersion,
      seedCommitment: study.seedCommitment,
      seedRevealedAt: study.seedRevealedAt?.toISOString() ?? null,
      revision: study.revision,
    };
  }
}

export class ProtocolResponse {
  @ApiProperty() version: number;
  @ApiProperty({ description: 'SHA-256 of canonicalJson' }) hash: string;
  @ApiProperty({
    description:
      "SHA-256 of what another installation's copy shares with this protocol (design, conditions, instrument hashes; not the study id, title, version, reason or seed commitment): equal design hashes mean the same protocol",
  })
  designHash: string;
  @ApiProperty() canonicalJson: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static of(protocol: Protocol): ProtocolResponse {
    return {
      version: protocol.version,
      hash: protocol.hash,
      designHash: designHashOf(protocol.canonicalJson),
      canonicalJson: protocol.canonicalJson,
      reason: protocol.reason,
      createdAt: protocol.createdAt.toISOString(),
    };
  }
}

export class TemplateResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, nullable: true, description: 'The study it replicates or is inspired by (citation); null for a new design' })
  replicates: string | null;
  @ApiProperty({ type: [String], description: 'How it deviates from that study' }) deviations: string[];
}
