import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, Max, Min } from 'class-validator';
import type { PowerAnswer } from './power';

export class PowerQuery {
  @ApiProperty({ example: 0.5, description: "Cohen's d on session scores" }) @Type(() => Number) @IsNumber() @Min(0.05) @Max(5) d: number;
  @ApiProperty({ example: 0.05 }) @Type(() => Number) @IsNumber() @Min(0.0001) @Max(0.5) alpha: number;
  @ApiProperty({ example: 0.8 }) @Type(() => Number) @IsNumber() @Min(0.1) @Max(0.999) power: number;
  @ApiProperty({ example: 0.3, description: 'Intraclass correlation of members within a session' })
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(0.99)
  icc: number;
  @ApiProperty({ example: 2, enum: [1, 2, 3], description: 'Members per session' }) @Type(() => Number) @IsIn([1, 2, 3]) groupSize: number;
}

class IndividualLevelDto {
  @ApiProperty({ description: 'n per condition if individuals were independent' }) independentPerCondition: number;
  @ApiProperty({ description: '… inflated by the design effect 1 + (m − 1)·ICC' }) participantsPerCondition: number;
  @ApiProperty() sessionsPerCondition: number;
}

class PowerPointDto {
  @ApiProperty({ description: 'Sessions per condition' }) n: number;
  @ApiProperty() power: number;
}

export class PowerResponse {
  @ApiProperty({ type: PowerQuery }) input: PowerQuery;
  @ApiProperty({ description: 'Sessions (dyads) per condition for the two-sided t test on session scores, as pwr.t.test, rounded up' })
  dyadsPerCondition: number;
  @ApiProperty() participantsPerCondition: number;
  @ApiProperty({ description: '1 + (m − 1)·ICC' }) designEffect: number;
  @ApiProperty({ type: IndividualLevelDto, description: 'The textbook individual-level route, for comparison' })
  individualLevel: IndividualLevelDto;
  @ApiProperty({ type: [PowerPointDto] }) curve: PowerPointDto[];

  static of(answer: PowerAnswer): PowerResponse {
    return {
      ...answer,
      input: { ...answer.input },
      individualLevel: { ...answer.individualLevel },
      curve: answer.curve.map((point) => ({ ...point })),
    };
  }
}
