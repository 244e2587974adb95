import type { DocumentProblem, DocumentVerification } from '@cartes-badges/domain';
import { verifyDocuments } from '@cartes-badges/domain';
import { toJson } from '../output/json';
import { startProgress } from '../output/progress';
import { withBlobStore } from '../store/open-blob-store';
import type { GlobalOptions } from './context';
import { print, withStore } from './context';

const PROBLEMS: Record<DocumentProblem['problem'], string> = {
  missing: 'fichier manquant',
  altered: 'fichier modifié',
  sha256_mismatch: 'la clé ne désigne pas le fichier enregistré',
  size_mismatch: 'taille différente',
};

/** One document whose file is wrong, as a line: dossier, document, what is wrong. */
export function documentProblemLine(p: DocumentProblem): string {
  const dossier = p.dossierNumber === null ? p.dossierId : `${p.dossierNumber} (${p.dossierId})`;
  return `ROMPU  dossier ${dossier}  document ${p.documentId} « ${p.fileName} » (${p.documentType})  ${p.problem} (${PROBLEMS[p.problem]}) : ${p.detail}`;
}

/** `verify --documents`: every attached file is there and is the one its event records; false otherwise. */
export async function verifyDocumentsCommand(globals: GlobalOptions): Promise<boolean> {
  return withStore(globals, 'read', (opened) =>
    withBlobStore(opened, 'read', async ({ blobs, label }) => {
      const progress = startProgress('Vérification des fichiers', undefined, 'documents');
      const result: DocumentVerification = await verifyDocuments(opened.store, blobs, {
        onProgress: (n) => progress.update(n),
      });
      progress.stop();
      if (globals.json) print(toJson({ files: label, ...result }));
      else if (result.ok)
        print(
          `OK  ${result.documentsChecked} document(s) de ${result.dossiersChecked} dossier(s) : chaque fichier (${label}) est celui que son événement enregistre (SHA-256 et taille)`,
        );
      else {
        print(result.problems.map(documentProblemLine).join('\n'));
        print(
          `${result.problems.length} document(s) sur ${result.documentsChecked} sans leur fichier intact (${label})`,
        );
      }
      return result.ok;
    }),
  );
}
