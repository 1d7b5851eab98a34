/** The Containerfile and compose.yaml at the top of the checkout, read as the container tools read them. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DockerfileParser, type Instruction } from 'dockerfile-ast';
import { parse } from 'yaml';
import { repoRoot } from '../../build/release.ts';

export interface CopyInstruction {
  from: string | undefined;
  sources: string[];
  destination: string;
}

export function containerfile() {
  const parsed = DockerfileParser.parse(readFileSync(path.join(repoRoot, 'Containerfile'), 'utf8'));
  const instructions = parsed.getInstructions();
  const lastStageStart = instructions.map((i) => i.getKeyword()).lastIndexOf('FROM');
  const finalStage = instructions.slice(lastStageStart);
  const copies = instructions
    .filter((i) => i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD')
    .map((i): CopyInstruction => {
      const args = i.getArguments().map((a) => a.getValue());
      const from = (i as Instruction & { getFlags(): { getName(): string; getValue(): string | null }[] })
        .getFlags()
        .find((flag) => flag.getName() === 'from');
      return { from: from?.getValue() ?? undefined, sources: args.slice(0, -1), destination: args.at(-1) ?? '' };
    });
  const jsonArguments = (keyword: string) => {
    const found = finalStage.find((i) => i.getKeyword() === keyword) as
      (Instruction & { getJSONStrings(): { getJSONValue(): string }[] }) | undefined;
    return found?.getJSONStrings().map((s) => s.getJSONValue());
  };
  return {
    images: parsed.getFROMs().map((f) => `${f.getImageName()}:${f.getImageTag()}`),
    copies,
    command: jsonArguments('CMD'),
    keywordArguments: (keyword: string) =>
      finalStage.filter((i) => i.getKeyword() === keyword).map((i) => i.getArgumentsContent() ?? ''),
  };
}

export interface ComposeService {
  image?: string;
  build?: { dockerfile?: string };
  command?: string[];
  profiles?: string[];
  volumes?: string[];
  read_only?: boolean;
  user?: string;
  depends_on?: Record<string, { condition: string }>;
}

/** compose.yaml as data, with its `<<` merge keys applied as Compose does. */
export function composeFile(): { services: Record<string, ComposeService>; volumes: Record<string, unknown> } {
  return parse(readFileSync(path.join(repoRoot, 'compose.yaml'), 'utf8'), { merge: true });
}
