/** Where a builder writes files it generates (for example XGBoost's hyperparameters.json). */
export interface ArtifactStore {
  put(s3Uri: string, body: string, contentType: string): Promise<void>;
}

export interface StoredArtifact {
  readonly s3Uri: string;
  readonly body: string;
  readonly contentType: string;
}

/** Keeps what was written in memory: the default, so that rendering a step never reaches AWS. */
export class InMemoryArtifactStore implements ArtifactStore {
  readonly artifacts: StoredArtifact[] = [];

  async put(s3Uri: string, body: string, contentType: string): Promise<void> {
    this.artifacts.push({ s3Uri, body, contentType });
  }
}

export function splitS3Uri(s3Uri: string): { bucket: string; key: string } {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(s3Uri);
  if (!m) throw new Error(`Not an s3:// object URI: ${s3Uri}`);
  return { bucket: m[1] as string, key: m[2] as string };
}
