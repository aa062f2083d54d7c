// Copied into the deployed shop-go (package main) by samples/record/sdk.ts: starts Pyroscope's Go SDK the way its
// README shows, configured from the environment. The service's main does not stop it, so the last upload period
// (under UploadRate) is not sent.
package main

import (
	"log"
	"os"
	"strings"
	"time"

	"github.com/grafana/pyroscope-go"
)

func init() {
	address := os.Getenv("PYROSCOPE_SERVER_ADDRESS")
	if address == "" {
		return
	}
	tags := map[string]string{}
	for _, pair := range strings.Split(os.Getenv("PYROSCOPE_TAGS"), ",") {
		if k, v, ok := strings.Cut(pair, "="); ok {
			tags[k] = v
		}
	}
	_, err := pyroscope.Start(pyroscope.Config{
		ApplicationName: os.Getenv("PYROSCOPE_APPLICATION_NAME"),
		ServerAddress:   address,
		Tags:            tags,
		UploadRate:      5 * time.Second,
		ProfileTypes: []pyroscope.ProfileType{
			pyroscope.ProfileCPU,
			pyroscope.ProfileAllocObjects,
			pyroscope.ProfileAllocSpace,
			pyroscope.ProfileInuseObjects,
			pyroscope.ProfileInuseSpace,
		},
	})
	if err != nil {
		log.Fatalf("pyroscope: %v", err)
	}
}
