module github.com/linescope-demo/shop-go

go 1.19
