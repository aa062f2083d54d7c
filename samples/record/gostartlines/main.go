// Command gostartlines prints where every function in the given Go files starts and ends, named the way the Go
// runtime names them in profiles (without the package path): F, T.M, (*T).M, F.func1, F.func1.1, glob..func1.
//
// Go 1.19's runtime/pprof leaves Function.start_line at 0 (Go 1.20 fills it from the same `func` line), so the
// recording script uses this to fill it in. Usage: gostartlines FILE... > functions.json
package main

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
)

type function struct {
	File    string `json:"file"`
	Name    string `json:"name"`
	Line    int    `json:"line"`
	EndLine int    `json:"endLine"`
}

func main() {
	var out []function
	fset := token.NewFileSet()
	for _, path := range os.Args[1:] {
		file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			continue
		}
		add := func(name string, node ast.Node) {
			out = append(out, function{
				File:    path,
				Name:    name,
				Line:    fset.Position(node.Pos()).Line,
				EndLine: fset.Position(node.End()).Line,
			})
		}
		globalClosures := 0
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				name := funcName(d)
				add(name, d)
				if d.Body != nil { // nil for functions implemented in assembly
					addClosures(name, d.Body, add)
				}
			case *ast.GenDecl:
				// Closures in package-level initialisers are named glob..func1, glob..func2, ...
				ast.Inspect(d, func(n ast.Node) bool {
					if lit, ok := n.(*ast.FuncLit); ok {
						globalClosures++
						name := fmt.Sprintf("glob..func%d", globalClosures)
						add(name, lit)
						addClosures(name, lit.Body, add)
						return false
					}
					return true
				})
			}
		}
	}
	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// funcName is F, T.M or (*T).M, as the runtime prints it after the package path.
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	switch t := d.Recv.List[0].Type.(type) {
	case *ast.StarExpr:
		return fmt.Sprintf("(*%s).%s", typeName(t.X), d.Name.Name)
	default:
		return fmt.Sprintf("%s.%s", typeName(t), d.Name.Name)
	}
}

func typeName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.Ident:
		return t.Name
	case *ast.IndexExpr: // generic receiver T[K]
		return typeName(t.X)
	case *ast.IndexListExpr:
		return typeName(t.X)
	default:
		return "?"
	}
}

// addClosures names the function literals directly inside body outer.func1, outer.func2, ... in source order, and
// the ones nested in those outer.func1.1, ...
func addClosures(outer string, body *ast.BlockStmt, add func(string, ast.Node)) {
	count := 0
	prefix := outer + ".func"
	if len(outer) > 0 && isClosureName(outer) {
		prefix = outer + "."
	}
	ast.Inspect(body, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			count++
			name := fmt.Sprintf("%s%d", prefix, count)
			add(name, lit)
			addClosures(name, lit.Body, add)
			return false
		}
		return true
	})
}

// isClosureName reports whether name already ends in a closure suffix (funcN or a nested .N).
func isClosureName(name string) bool {
	for i := len(name) - 1; i >= 0; i-- {
		c := name[i]
		if c >= '0' && c <= '9' {
			continue
		}
		return c == '.' || (i >= 3 && name[i-3:i+1] == "func")
	}
	return false
}
