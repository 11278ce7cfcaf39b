import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CommonErrors } from '../common/errors/common.errors';

export interface Health {
  readonly status: 'ok';
  readonly database: 'up';
  readonly migrations: 'current';
}

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ready only when PostgreSQL answers and no migration is pending. */
  async check(): Promise<Health> {
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new CommonErrors('UNAVAILABLE', { detail: 'database unreachable' });
    }
    if (await this.dataSource.showMigrations()) {
      throw new CommonErrors('UNAVAILABLE', { detail: 'migrations pending' });
    }
    return { status: 'ok', database: 'up', migrations: 'current' };
  }
}
