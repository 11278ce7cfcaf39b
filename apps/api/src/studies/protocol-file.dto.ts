import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Nested, Omittable } from '../common/http/validators';
import { PROTOCOL_FILE_FORMAT, type ProtocolFile } from './protocol-file';

export class ProtocolFileDto implements ProtocolFile {
  @ApiProperty({ enum: [PROTOCOL_FILE_FORMAT] }) @IsIn([PROTOCOL_FILE_FORMAT]) format: typeof PROTOCOL_FILE_FORMAT;
  @ApiProperty({ format: 'date-time' }) @IsString() @MaxLength(40) exportedAt: string;
  @ApiProperty({ description: "The frozen protocol's canonical JSON, exactly as stored by the exporting installation" })
  @IsString()
  @MaxLength(512 * 1024)
  protocol: string;
  @ApiProperty({ description: 'SHA-256 (hex) of `protocol`; import refuses a file whose text does not match it' })
  @Matches(/^[0-9a-f]{64}$/i)
  sha256: string;
  @ApiProperty({ description: "The protocol's design hash (see ProtocolResponse.designHash)" })
  @Matches(/^[0-9a-f]{64}$/i)
  designHash: string;
}

export class ImportStudyRequest {
  @ApiProperty({ type: ProtocolFileDto, description: 'The file as GET /api/studies/{studyId}/protocol-file gave it' })
  @Nested(() => ProtocolFileDto)
  file: ProtocolFileDto;
  @ApiPropertyOptional({ description: "Title of the new study (default: the protocol's)" })
  @Omittable()
  @IsString()
  @Length(1, 200)
  title?: string;
}
