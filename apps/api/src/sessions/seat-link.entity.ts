import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StudySession } from './session.entity';

/** A lab session's join link for one seat; the link carries a secret, stored here as a hash. */
@Entity({ name: 'seat_link' })
@Unique('seat_link_session_seat', ['sessionId', 'seatNumber'])
export class SeatLink {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => StudySession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: StudySession;

  @Column({ name: 'seat_number', type: 'integer' })
  seatNumber: number;

  @Column({ name: 'secret_hash', type: 'text', unique: true })
  secretHash: string;

  /** Set by the join that used the link: a link lets one person in, once (a researcher can reissue it). */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
