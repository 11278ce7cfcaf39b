import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ExternalSiteSummary } from './external-summary.entity';

/** Only queries: the summaries other installations sent for a study. */
@Injectable()
export class ExternalSummariesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(studyId: string): Promise<ExternalSiteSummary[]> {
    return this.dataSource.manager.find(ExternalSiteSummary, { where: { studyId }, order: { label: 'ASC' } });
  }

  async insert(
    row: Pick<ExternalSiteSummary, 'studyId' | 'label' | 'designHash' | 'summary' | 'importedBy'>,
  ): Promise<ExternalSiteSummary | null> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `INSERT INTO external_site_summary (study_id, label, design_hash, summary, imported_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (study_id, label) DO NOTHING RETURNING id`,
      [row.studyId, row.label, row.designHash, JSON.stringify(row.summary), row.importedBy],
    );
    return rows[0] ? this.dataSource.manager.findOneByOrFail(ExternalSiteSummary, { id: rows[0].id }) : null;
  }

  async remove(studyId: string, id: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(`DELETE FROM external_site_summary WHERE study_id = $1 AND id = $2`, [
      studyId,
      id,
    ])) as [unknown, number];
    return affected > 0;
  }
}
