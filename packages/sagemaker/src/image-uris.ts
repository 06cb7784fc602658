// The image URI that sagemaker.image_uris.retrieve (SDK v2.257.6) returns for the frameworks, scopes and
// versions in data/framework-images.ts (training) and data/serving-and-processing-images.ts.

import {
  FRAMEWORK_IMAGES,
  ecrDomain,
  type FrameworkImages,
  type FrameworkVersionImage,
  type Processor,
  type TrainingFramework,
} from './data/framework-images.js';
import { PYTORCH_INFERENCE_IMAGES, SKLEARN_IMAGES } from './data/serving-and-processing-images.js';
import { compareVersions } from './versions.js';

export type { Processor, TrainingFramework } from './data/framework-images.js';

export type ImageFramework = 'pytorch' | 'xgboost' | 'sklearn';
/** What the image is for: a training job, a model (inference), or a processing job. */
export type ImageScope = 'training' | 'inference' | 'processing';

/** Which image table serves each framework and scope (processors run the framework's training image). */
const IMAGE_TABLES: Readonly<Record<ImageFramework, Readonly<Record<ImageScope, FrameworkImages>>>> = {
  pytorch: { training: FRAMEWORK_IMAGES.pytorch, inference: PYTORCH_INFERENCE_IMAGES, processing: FRAMEWORK_IMAGES.pytorch },
  xgboost: { training: FRAMEWORK_IMAGES.xgboost, inference: FRAMEWORK_IMAGES.xgboost, processing: FRAMEWORK_IMAGES.xgboost },
  sklearn: { training: SKLEARN_IMAGES, inference: SKLEARN_IMAGES, processing: SKLEARN_IMAGES },
};

export interface ImageRequest {
  readonly framework: ImageFramework;
  readonly scope: ImageScope;
  /** A full version ('2.1.0', '1.2-1') or a known alias ('1.13'); the tag keeps it as given. */
  readonly version: string;
  /** May be left out when the version has a single Python version. */
  readonly pyVersion?: string;
  /** Needed when the image differs per processor. */
  readonly instanceType?: string;
  readonly region: string;
}

export interface TrainingImageRequest {
  readonly framework: TrainingFramework;
  /** A full version ('1.13.1') or a known alias ('1.13'); the tag keeps it as given. */
  readonly version: string;
  /** May be left out when the version has a single Python version. */
  readonly pyVersion?: string;
  /** Needed when the image differs per processor (all PyTorch versions). */
  readonly instanceType?: string;
  readonly region: string;
}

export interface KnownTrainingVersion {
  readonly version: string;
  readonly pyVersions: readonly string[];
}

export function retrieveTrainingImageUri(request: TrainingImageRequest): string {
  // The training builders know two frameworks; a third one here is a mistake in their config.
  if (!Object.hasOwn(FRAMEWORK_IMAGES, request.framework)) {
    throw new Error(`Unknown training framework '${request.framework}'. Known frameworks: ${Object.keys(FRAMEWORK_IMAGES).join(', ')}`);
  }
  return retrieveImageUri({ ...request, scope: 'training' });
}

/** `sagemaker.image_uris.retrieve(framework, region, version, py_version, instance_type, image_scope)`. */
export function retrieveImageUri(request: ImageRequest): string {
  // Config schemas ask for the image of every config they parse, and a run parses hundreds: the tables are fixed,
  // so a URI found once is the same the next time (refusals are worked out again, each with its own Error).
  const { framework, scope, version, pyVersion, instanceType, region } = request;
  if (!isKeyPart(framework) || !isKeyPart(scope) || !isKeyPart(version) || !isKeyPart(pyVersion) || !isKeyPart(instanceType) || !isKeyPart(region)) {
    return findImageUri(request);
  }
  // One map per part, keyed by the part itself (a left-out part by undefined): no key text to build per call.
  const level = below(below(below(below(below(foundImageUris, framework), scope), version), pyVersion), instanceType);
  let uri = level.get(region) as string | undefined;
  if (uri === undefined) {
    uri = findImageUri(request);
    level.set(region, uri);
  }
  return uri;
}

type FoundImageUris = Map<string | undefined, FoundImageUris | string>;

const foundImageUris: FoundImageUris = new Map();

function isKeyPart(part: unknown): part is string | undefined {
  return part === undefined || typeof part === 'string';
}

function below(level: FoundImageUris, part: string | undefined): FoundImageUris {
  let next = level.get(part) as FoundImageUris | undefined;
  if (next === undefined) level.set(part, (next = new Map()));
  return next;
}

function findImageUri(request: ImageRequest): string {
  const images = frameworkImages(request.framework, request.scope);
  const image = versionImage(images, request.version, request.scope);
  const pyVersion = resolvePyVersion(images, image, request.pyVersion, request.scope);
  const registry = images.registries[request.region];
  if (registry === undefined) {
    throw new Error(
      `Unknown region '${request.region}' for ${images.displayName} ${request.scope} images. ` + `Known regions: ${Object.keys(images.registries).join(', ')}`,
    );
  }
  const tag =
    image.tagFormat === 'version'
      ? request.version
      : [request.version, resolveProcessor(images, image, request.instanceType, request.scope), pyVersion].join('-');
  if (request.framework === 'pytorch') rejectRetiredP2(request.version, request.instanceType);
  return `${registry}.dkr.ecr.${request.region}.${ecrDomain(request.region)}/${images.repository}:${tag}`;
}

/** The versions (and their Python versions) known for a framework's images of one scope. */
export function knownImageVersions(framework: ImageFramework, scope: ImageScope): KnownTrainingVersion[] {
  return frameworkImages(framework, scope).versions.map(({ version, pyVersions }) => ({ version, pyVersions: [...pyVersions] }));
}

export function knownTrainingVersions(framework: TrainingFramework): KnownTrainingVersion[] {
  return frameworkImages(framework, 'training').versions.map(({ version, pyVersions }) => ({
    version,
    pyVersions: [...pyVersions],
  }));
}

/** The SDK's reading of an instance type: 'gpu' for the ml.p* and ml.g* families, 'cpu' otherwise. */
export function processorForInstanceType(instanceType: string): Processor {
  if (instanceType === 'local') return 'cpu';
  if (instanceType === 'local_gpu') return 'gpu';
  const family = instanceFamily(instanceType);
  if (family === undefined) {
    throw new Error(`Invalid SageMaker instance type '${instanceType}': expected the form ml.<family>.<size>, e.g. ml.m5.xlarge`);
  }
  if (family.startsWith('trn') || family.startsWith('inf')) {
    throw new Error(`Instance type '${instanceType}' needs a Neuron image, which is not among the known training images`);
  }
  return family.startsWith('p') || family.startsWith('g') ? 'gpu' : 'cpu';
}

function frameworkImages(framework: string, scope: ImageScope): FrameworkImages {
  const tables = (IMAGE_TABLES as Readonly<Record<string, Readonly<Record<ImageScope, FrameworkImages>>>>)[framework];
  const images = tables?.[scope];
  if (images === undefined) {
    throw new Error(`Unknown ${scope} framework '${framework}'. Known frameworks: ${Object.keys(IMAGE_TABLES).join(', ')}`);
  }
  return images;
}

function versionImage(images: FrameworkImages, version: string, scope: ImageScope): FrameworkVersionImage {
  const fullVersion = images.versionAliases[version] ?? version;
  const image = images.versions.find((v) => v.version === fullVersion);
  if (image === undefined) {
    const aliases = Object.entries(images.versionAliases).map(([alias, full]) => `${alias} -> ${full}`);
    throw new Error(
      `Unknown ${images.displayName} ${scope} version '${version}'. ` +
        `Known versions: ${images.versions.map((v) => v.version).join(', ')}` +
        (aliases.length > 0 ? ` (aliases: ${aliases.join(', ')})` : ''),
    );
  }
  return image;
}

function resolvePyVersion(images: FrameworkImages, image: FrameworkVersionImage, pyVersion: string | undefined, scope: ImageScope): string {
  const known = image.pyVersions;
  if (pyVersion === undefined && known.length === 1) return known[0] as string;
  if (pyVersion === undefined) {
    throw new Error(`${images.displayName} ${image.version} has several Python versions: give one of ${known.join(', ')}`);
  }
  if (!known.includes(pyVersion)) {
    throw new Error(
      `Unknown Python version '${pyVersion}' for ${images.displayName} ${image.version} ${scope} images. ` + `Known Python versions: ${known.join(', ')}`,
    );
  }
  return pyVersion;
}

function resolveProcessor(images: FrameworkImages, image: FrameworkVersionImage, instanceType: string | undefined, scope: ImageScope): Processor {
  if (instanceType === undefined) {
    if (image.processors.length === 1) return image.processors[0] as Processor;
    throw new Error(`${images.displayName} ${image.version} has ${image.processors.join(' and ')} images: give an instance type to choose one`);
  }
  const processor = processorForInstanceType(instanceType);
  if (!image.processors.includes(processor)) {
    throw new Error(
      `${images.displayName} ${image.version} has no ${processor} ${scope} image (instance type '${instanceType}'). ` +
        `Known processors: ${image.processors.join(', ')}`,
    );
  }
  return processor;
}

function rejectRetiredP2(version: string, instanceType: string | undefined): void {
  if (instanceType !== undefined && instanceFamily(instanceType) === 'p2' && compareVersions(version, '1.13') >= 0) {
    throw new Error(`P2 instances ('${instanceType}') are not supported for PyTorch ${version}: the SDK refuses them from PyTorch 1.13 on`);
  }
}

function instanceFamily(instanceType: string): string | undefined {
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1];
}

/** The ECR repositories the image tables hold for a framework (every scope); undefined for a framework they do not know. */
export function imageRepositoriesOf(framework: string): readonly string[] | undefined {
  const tables = (IMAGE_TABLES as Readonly<Record<string, Readonly<Record<ImageScope, FrameworkImages>>>>)[framework];
  return tables === undefined ? undefined : [...new Set(Object.values(tables).map((images) => images.repository))];
}

/** The repository of an ECR image URI (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>`); undefined otherwise. */
export function imageRepository(uri: string): string | undefined {
  return /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?\/([^:@]+)[:@]/.exec(uri)?.[1];
}
