package xlsx

import (
	"archive/zip"
	"compress/flate"
	"io"
	"sync"

	"github.com/xuri/excelize/v2"
)

// newFile is excelize.NewFile writing its zip with fast deflate
// (BestSpeed, pooled writers): a workbook of a few hundred kilobytes of
// XML compresses in a fraction of the default level's time, a few percent
// larger. Every workbook nianbao writes is made here.
func newFile() *excelize.File {
	f := excelize.NewFile()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, fastDeflate)
		return zw
	})
	return f
}

var deflaters sync.Pool // *flate.Writer at BestSpeed

func fastDeflate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	return pooledDeflater{fw}, err
}

type pooledDeflater struct{ *flate.Writer }

func (p pooledDeflater) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}
