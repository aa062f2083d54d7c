module github.com/linescope-demo/shop-go

go 1.19

require golang.org/x/text v0.21.0
