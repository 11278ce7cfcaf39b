import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { OriginalEffect } from './original-effect.entity';

export type OriginalEffectInput = Omit<OriginalEffect, 'study' | 'recordedAt'>;

@Injectable()
export class OriginalEffectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(studyId: string): Promise<OriginalEffect | null> {
    return this.dataSource.manager.findOneBy(OriginalEffect, { studyId });
  }

  /** One record per study: recording again replaces it (the audit trail keeps every version). */
  async save(effect: OriginalEffectInput, manager: EntityManager): Promise<OriginalEffect> {
    await manager.upsert(OriginalEffect, effect, ['studyId']);
    return manager.findOneByOrFail(OriginalEffect, { studyId: effect.studyId });
  }
}
