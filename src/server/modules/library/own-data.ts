import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { files, resources } from '../../db/schema/index.js';

/** The library items a person added (their metadata; the files download from the library). */
export function libraryOwnData(db: DbOrTx, userId: string) {
  return db
    .select({
      id: resources.id,
      slug: resources.slug,
      kind: resources.kind,
      texts: resources.texts,
      url: resources.url,
      visibility: resources.visibility,
      file: { name: files.name, type: files.type, size: files.size, sha256: files.sha256 },
    })
    .from(resources)
    .leftJoin(files, eq(files.resourceId, resources.id))
    .where(eq(resources.ownerId, userId));
}
