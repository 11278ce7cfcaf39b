/** One seat of a new lab session, ready to print: its link and that link as a QR code (SVG markup). */
export interface SeatCard {
  readonly seatNumber: number;
  readonly url: string;
  readonly qrSvg: string;
}

export interface LabSessionState {
  readonly created?: { readonly code: string; readonly seats: readonly SeatCard[] };
  readonly error?: string;
}
