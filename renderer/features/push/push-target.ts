// The Images view's push dialog builds its name from three fields: a registry of the settings,
// a repository and a tag. These are the pure rules behind those fields.
import { tagProblem, type TagProblem } from '../../../vm-backend/api/rules/build-form';

/** An image's repository path and tag, its own registry dropped ("localhost:5000/a/b:1" -> a/b, 1). */
export function splitForPush(ref: string): { repository: string; tag: string } {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  const name = colon > slash ? ref.slice(0, colon) : ref;
  const tag = colon > slash ? ref.slice(colon + 1) : 'latest';
  const parts = name.split('/');
  const first = parts[0] ?? '';
  const hasDomain = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  return { repository: (hasDomain ? parts.slice(1) : parts).join('/'), tag };
}

/** `registry/repository:tag` (no registry: Docker Hub's short form). */
export function pushTarget(registry: string, repository: string, tag: string): string {
  return `${registry ? `${registry}/` : ''}${repository}:${tag}`;
}

/** Why the three fields do not make a name `docker push` takes, or null. */
export function pushTargetProblem(registry: string, repository: string, tag: string): TagProblem | null {
  if (!repository.trim() || !tag.trim()) return 'empty';
  const first = repository.split('/')[0] ?? '';
  // "a.b/c" typed as the repository would be read as a registry of its own.
  if (repository.includes('/') && (first.includes('.') || first === 'localhost')) return 'bad-name';
  return tagProblem(pushTarget(registry, repository, tag));
}
