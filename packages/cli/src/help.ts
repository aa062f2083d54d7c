// What `linescope --help` and each command's --help print (test/__snapshots__ holds them as users see them).
import { DEFAULT_PROFILE_TYPE } from './pyroscope';

export const HELP = `Usage: linescope <command> [options]

A function's source with its cost beside each line, from a pprof profile or
Pyroscope: the numbers of Linescope's Grafana panel (and of go tool pprof -list).

Commands:
  annotate <profile | -> --function <name>   self and total per line of a function
  top <profile | ->                          the hottest functions, to know what to annotate
  labels [format] [options]                  the repository, commit and root path of a git
                                             checkout as profile labels (linescope-labels)
  mcp                                        an MCP server over stdio for coding agents
                                             (tools top_functions, annotate_function)

Run linescope <command> --help for a command's options.
Exit status: 0 done, 2 refused (the message says why), 1 anything else.
`;

const PROFILE_HELP = `Profile (a file, - for standard input, or a Pyroscope query instead):
      --pyroscope <url>        Pyroscope's URL (default: PYROSCOPE_URL); credentials
                               from PYROSCOPE_USER/PYROSCOPE_PASSWORD or PYROSCOPE_TOKEN,
                               tenant from PYROSCOPE_TENANT
      --service <name>         the service_name to query
      --from <time>            start: now-1h (default), RFC 3339 or Unix seconds
      --to <time>              end: now (default)
      --selector <selector>    more label matchers, e.g. {env="prod"}
      --profile-type <id>      default ${DEFAULT_PROFILE_TYPE}
      --sample-type <type>     the sample type to read (e.g. alloc_space; default:
                               the profile's default, as go tool pprof)
`;

export const ANNOTATE_HELP = `Usage: linescope annotate <profile.pb.gz | -> --function <name> [options]
       linescope annotate --pyroscope <url> --service <name> --function <name> [options]

Prints, per file of the function, self and total for each line in the profile's
unit, the hottest lines marked with >. With source (--source or --source-server)
the whole function is shown beside its numbers.

Options:
  -f, --function <name>        the function, exactly as the profile names it
      --file <path>            only the function's frames in this file
      --format <text|json>     text (default), or a JSON array of
                               {function, file, self, total, unit, lines: [{line, self, total, text?}]}
      --source <dir>           read the source from this checkout
      --source-server <url>    read it through a Linescope source server (vcs.v1 GetFile)
                               with the Git session from LINESCOPE_GIT_TOKEN (or
                               GITHUB_TOKEN / GITLAB_TOKEN)
      --repository <url>       the repository, when the profile does not name it
      --ref <commit>           its commit, branch or tag
      --root-path <path>       where the service lives in the repository
      --tenant <id>            the source server's tenant (X-Scope-OrgID)
  -h, --help                   show this help

${PROFILE_HELP}`;

export const TOP_HELP = `Usage: linescope top <profile.pb.gz | -> [options]
       linescope top --pyroscope <url> --service <name> [options]

Prints the functions with the most self (flat) cost, with their total (cum), as
go tool pprof -top counts them.

Options:
  -n, --limit <count>          how many functions (default 20)
      --format <text|json>     text (default) or JSON
  -h, --help                   show this help

${PROFILE_HELP}`;

export const MCP_HELP = `Usage: linescope mcp

Serves the Model Context Protocol over standard input and output for a coding
agent, with two tools:
  top_functions      the hottest functions of a profile
  annotate_function  a function's lines with self, total and source
Each takes a local profile path or a Pyroscope query (service, from, to,
selector, profile type). Configuration from the environment: PYROSCOPE_URL,
PYROSCOPE_USER, PYROSCOPE_PASSWORD, PYROSCOPE_TOKEN, PYROSCOPE_TENANT;
LINESCOPE_SOURCE_SERVER with LINESCOPE_GIT_TOKEN (or GITHUB_TOKEN / GITLAB_TOKEN)
and LINESCOPE_TENANT; LINESCOPE_SOURCE_DIR for a local checkout (or the
annotate_function argument source_dir).
`;
