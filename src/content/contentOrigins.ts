/** Finds the file each piece of content came from, so validation messages can name it. */
export interface ContentOrigins {
  /** File of a knowledge entry. */
  entry(id: string): string;
  /** File of a pathway. */
  pathway(id: string): string;
  /** File of a message key. */
  message(key: string): string;
}
