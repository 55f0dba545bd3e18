module example.com/benchmodule

go 1.19
