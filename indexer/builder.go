package indexer

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
)

// newOfflineBuilder opens bleve's offline scorch builder on path, as
// bleve.NewBuilder does, except that it takes documents rather than values
// to map: the pipeline maps and analyses them ahead of it. The index it
// writes is an ordinary bleve index (bleve.Open reads it; build checks it
// does). Its temporary segments go under path, not the system's temporary
// directory, so a killed build leaves nothing behind outside its build.
func newOfflineBuilder(path string, im mapping.IndexMapping, batchSize int) (*scorch.Builder, error) {
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("the index mapping: %w", err)
	}
	mappingJSON, err := json.Marshal(im)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(path, 0o755); err != nil {
		return nil, err
	}
	// What bleve.NewBuilder writes: the index type, read back by bleve.Open.
	meta := []byte(`{"storage":"` + scorch.Name + `","index_type":"` + scorch.Name + `"}`)
	if err := os.WriteFile(filepath.Join(path, "index_meta.json"), meta, 0o644); err != nil {
		return nil, err
	}
	return scorch.NewBuilder(map[string]any{
		"path":            filepath.Join(path, "store"),
		"buildPathPrefix": path,
		"batchSize":       batchSize,
		"internal":        map[string][]byte{string(util.MappingInternalKey): mappingJSON},
	})
}
