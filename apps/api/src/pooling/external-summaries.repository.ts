import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ExternalSiteSummary } from './external-summary.entity';
import { checkedRows, isString, updateResult } from '../common/database/row-shapes';

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
    const result: unknown = await this.dataSource.query(
      `INSERT INTO external_site_summary (study_id, label, design_hash, summary, imported_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (study_id, label) DO NOTHING RETURNING id`,
      [row.studyId, row.label, row.designHash, JSON.stringify(row.summary), row.importedBy],
    );
    const [inserted] = checkedRows(result, { id: isString }, 'imported summary');
    return inserted ? this.dataSource.manager.findOneByOrFail(ExternalSiteSummary, { id: inserted.id }) : null;
  }

  async remove(studyId: string, id: string): Promise<boolean> {
    const result: unknown = await this.dataSource.query(`DELETE FROM external_site_summary WHERE study_id = $1 AND id = $2`, [studyId, id]);
    const { affected } = updateResult(result, 'remove summary');
    return affected > 0;
  }
}
