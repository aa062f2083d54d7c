/**
 * The GitHub double's GraphQL endpoint (`POST /graphql`, GHES `/api/graphql`), for what its docs describe of
 * `Commit.blame`: a schema subset written from GitHub's GraphQL reference (Repository.object(expression),
 * Commit.blame(path) → Blame.ranges [BlameRange!]! with startingLine, endingLine, age, commit; Commit's oid,
 * messageHeadline, committedDate, author (GitActor with a nullable user), associatedPullRequests; rateLimit),
 * executed by graphql-js, so an unknown field or a wrong argument is refused as GitHub refuses it. Blame comes from
 * `git blame --porcelain` on the fixture repositories. GitHub answers errors as HTTP 200 with `errors[]` carrying
 * `type`, `path`, `locations` and `message`, and `null` data where it failed; an unknown sha is `object: null`.
 * A commit whose title ends in "(#N)" (a squash merge) is associated with pull request N.
 */
import { buildSchema, graphql, GraphQLError } from 'graphql';
import { blameRuns, commitInfo, objectAt, resolveCommit } from '../git-fixtures';
import { DOCS, GitHubContext, json, notFound, Reply } from './shapes';

const SCHEMA = buildSchema(`
  scalar DateTime
  scalar GitObjectID
  scalar URI

  type Query {
    repository(owner: String!, name: String!, followRenames: Boolean = true): Repository
    rateLimit(dryRun: Boolean = false): RateLimit
  }

  type RateLimit {
    cost: Int!
    limit: Int!
    nodeCount: Int!
    remaining: Int!
    resetAt: DateTime!
    used: Int!
  }

  interface GitObject {
    abbreviatedOid: String!
    oid: GitObjectID!
  }

  type Repository {
    name: String!
    nameWithOwner: String!
    url: URI!
    object(expression: String, oid: GitObjectID): GitObject
  }

  type Commit implements GitObject {
    abbreviatedOid: String!
    oid: GitObjectID!
    message: String!
    messageHeadline: String!
    committedDate: DateTime!
    authoredDate: DateTime!
    url: URI!
    author: GitActor
    committer: GitActor
    blame(path: String!): Blame!
    associatedPullRequests(first: Int, last: Int, after: String, before: String): PullRequestConnection
  }

  type Tree implements GitObject {
    abbreviatedOid: String!
    oid: GitObjectID!
  }

  type Blob implements GitObject {
    abbreviatedOid: String!
    oid: GitObjectID!
  }

  type GitActor {
    name: String
    email: String
    date: DateTime
    user: User
  }

  type User {
    login: String!
    url: URI!
  }

  type Blame {
    ranges: [BlameRange!]!
  }

  type BlameRange {
    startingLine: Int!
    endingLine: Int!
    age: Int!
    commit: Commit!
  }

  type PullRequestConnection {
    nodes: [PullRequest]
    totalCount: Int!
  }

  type PullRequest {
    number: Int!
    title: String!
    url: URI!
  }
`);

/** GitHub's error `type`s, kept on the thrown error and moved to the top level of the answer. */
class GitHubGraphqlError extends Error {
  constructor(
    readonly type: 'NOT_FOUND' | 'RATE_LIMITED',
    message: string
  ) {
    super(message);
  }
}

export interface GraphqlRepo {
  fullName: string;
  dir: string;
}

export interface GraphqlContext {
  baseUrl: string;
  /** The repository if this login may read it (else undefined: GitHub's NOT_FOUND). */
  visibleRepo(owner: string, name: string): GraphqlRepo | undefined;
  /** Commit author e-mail → login (GitHub links commits to users by e-mail). */
  loginOf(email: string): string | undefined;
  rateLimit: { limit: number; remaining: number; used: number; resetAt: number };
}

/** Relative recency 1 (newest) … 10 (oldest) among the file's commits, as GitHub's `age` describes. */
function ageOf(time: number, times: number[]): number {
  const oldest = Math.min(...times);
  const newest = Math.max(...times);
  return newest === oldest ? 1 : 1 + Math.round(((newest - time) / (newest - oldest)) * 9);
}

function commitNode(repo: GraphqlRepo, sha: string, context: GraphqlContext) {
  const info = commitInfo(repo.dir, sha);
  const headline = async () => (await info).message.split('\n', 1)[0];
  const actor = (kind: 'author' | 'committer') => async () => {
    const c = await info;
    const email = kind === 'author' ? c.authorEmail : c.committerEmail;
    const login = context.loginOf(email);
    return {
      name: kind === 'author' ? c.authorName : c.committerName,
      email,
      date: kind === 'author' ? c.authorDate : c.committerDate,
      user: login ? { login, url: `${context.baseUrl}/${login}` } : null,
    };
  };
  return {
    __typename: 'Commit',
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    url: `${context.baseUrl}/${repo.fullName}/commit/${sha}`,
    message: async () => (await info).message,
    messageHeadline: headline,
    committedDate: async () => new Date((await info).committerDate).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    authoredDate: async () => new Date((await info).authorDate).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    author: actor('author'),
    committer: actor('committer'),
    associatedPullRequests: async (args: { first?: number; last?: number }) => {
      const count = args.first ?? args.last;
      if (count === undefined || count < 1 || count > 100) {
        throw new Error(
          `You must provide a \`first\` or \`last\` value to properly paginate the \`associatedPullRequests\` connection.`
        );
      }
      const title = await headline();
      const pull = /^(.*) \(#(\d+)\)$/.exec(title);
      const nodes = pull
        ? [{ number: Number(pull[2]), title: pull[1], url: `${context.baseUrl}/${repo.fullName}/pull/${pull[2]}` }]
        : [];
      return { nodes, totalCount: nodes.length };
    },
    blame: async ({ path }: { path: string }) => {
      const object = await objectAt(repo.dir, sha, path);
      if (!object || object.type !== 'blob') {
        throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve file for path '${path}'.`);
      }
      const runs = await blameRuns(repo.dir, sha, path);
      const times = new Map<string, number>();
      for (const run of runs) {
        if (!times.has(run.sha)) {
          times.set(run.sha, Date.parse((await commitInfo(repo.dir, run.sha)).committerDate));
        }
      }
      const all = [...times.values()];
      return {
        ranges: runs.map((run) => ({
          startingLine: run.startLine,
          endingLine: run.endLine,
          age: ageOf(times.get(run.sha)!, all),
          commit: commitNode(repo, run.sha, context),
        })),
      };
    },
  };
}

function rootValue(context: GraphqlContext) {
  return {
    rateLimit: () => ({
      cost: 1,
      limit: context.rateLimit.limit,
      nodeCount: 1,
      remaining: context.rateLimit.remaining,
      used: context.rateLimit.used,
      resetAt: new Date(context.rateLimit.resetAt * 1000).toISOString(),
    }),
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = context.visibleRepo(owner, name);
      if (!repo) {
        throw new GitHubGraphqlError(
          'NOT_FOUND',
          `Could not resolve to a Repository with the name '${owner}/${name}'.`
        );
      }
      return {
        name,
        nameWithOwner: repo.fullName,
        url: `${context.baseUrl}/${repo.fullName}`,
        object: async ({ expression, oid }: { expression?: string; oid?: string }) => {
          const sha = await resolveCommit(repo.dir, expression ?? oid ?? '');
          return sha ? commitNode(repo, sha, context) : null;
        },
      };
    },
  };
}

/** One GraphQL request's answer body (always HTTP 200 once authenticated, as GitHub's). */
async function answerGraphql(body: Buffer, context: GraphqlContext): Promise<unknown> {
  let request: { query?: unknown; variables?: unknown };
  try {
    request = JSON.parse(body.toString('utf8'));
  } catch {
    return { errors: [{ message: 'Problems parsing JSON' }] };
  }
  if (typeof request.query !== 'string') {
    return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
  }
  const result = await graphql({
    schema: SCHEMA,
    source: request.query,
    rootValue: rootValue(context),
    variableValues: (request.variables ?? {}) as Record<string, unknown>,
    typeResolver: (value: { __typename: string }) => value.__typename,
  });
  if (!result.errors) {
    return { data: result.data };
  }
  return {
    ...(result.data !== undefined ? { data: result.data } : {}),
    errors: result.errors.map((error: GraphQLError) => {
      const type = error.originalError instanceof GitHubGraphqlError ? error.originalError.type : undefined;
      return {
        ...(type ? { type } : {}),
        ...(error.path ? { path: error.path } : {}),
        locations: error.locations,
        message: error.message,
      };
    }),
  };
}

/** `POST /graphql`: authenticated only (GitHub's 401 otherwise), errors as 200 with `errors[]`. */
export async function graphqlRoute(
  ctx: GitHubContext,
  method: string,
  body: Buffer,
  login: string | null,
  rateLimit: GraphqlContext['rateLimit']
): Promise<Reply> {
  if (method !== 'POST') {
    return notFound();
  }
  if (!login) {
    return json(401, {
      message: 'This endpoint requires you to be authenticated.',
      documentation_url: `${DOCS}/overview/resources-in-the-rest-api#authentication`,
    });
  }
  return json(
    200,
    await answerGraphql(body, {
      baseUrl: ctx.baseUrl,
      visibleRepo: (owner, name) => {
        // Blame reads git itself: a repository served from a store (the load benchmark's) has none to give.
        const repo = ctx.visibleRepo(owner, name, login);
        return repo && 'dir' in repo ? { fullName: `${owner}/${name}`, dir: repo.dir } : undefined;
      },
      loginOf: ctx.loginOf,
      rateLimit,
    })
  );
}
